// Pieces every template shares, so the same facts read the same way in each email.
import { Button, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const detailRow = { fontSize: "16px", margin: "0 0 8px" };
const detailLabel = { color: "#5c6f82" };
const details = { backgroundColor: "#f2f7fc", borderLeft: "4px solid #0066cc", margin: "16px 0", padding: "12px 16px" };
const button = {
  backgroundColor: "#0066cc",
  borderRadius: "4px",
  color: "#ffffff",
  fontSize: "16px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};
const fallback = { color: "#5c6f82", fontSize: "13px", lineHeight: "18px", wordBreak: "break-all" as const };

export const headingStyle = { color: "#17324d", fontSize: "24px", lineHeight: "32px", margin: "16px 0" };

export function Greeting({ name }: { name?: string | null }) {
  return <Text>{name ? `Gentile ${name},` : "Gentile partecipante,"}</Text>;
}

type MeetingDetailsProps = { title: string; when: string; where: string; children?: ReactNode };

export function MeetingDetails({ title, when, where, children }: MeetingDetailsProps) {
  return (
    <Section style={details}>
      <Text style={detailRow}>
        <span style={detailLabel}>Incontro:</span> <strong>{title}</strong>
      </Text>
      <Text style={detailRow}>
        <span style={detailLabel}>Quando:</span> <strong>{when}</strong>
      </Text>
      <Text style={detailRow}>
        <span style={detailLabel}>Dove:</span> <strong>{where}</strong>
      </Text>
      {children}
    </Section>
  );
}

/** A button plus the bare address, for clients that block buttons and for the text version. */
export function ActionLink({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Button href={href} style={button}>
        {label}
      </Button>
      <Text style={fallback} data-skip-in-text="true">
        Se il pulsante non funziona, copiare questo indirizzo nel browser: <Link href={href}>{href}</Link>
      </Text>
    </Section>
  );
}

/** The videoconference link when it is already known, otherwise the promise to send it. */
export function JoinLink({ joinUrl }: { joinUrl?: string | null }) {
  if (!joinUrl) {
    return <Text>Il link di collegamento sarà inviato prima dell&apos;incontro.</Text>;
  }
  return (
    <Text>
      Link di collegamento all&apos;incontro: <Link href={joinUrl}>{joinUrl}</Link>
      <br />
      Il link è personale per i partecipanti iscritti: si prega di non inoltrarlo.
    </Text>
  );
}

export function PersonalLinkNote() {
  return (
    <Text>
      Dalla pagina della tua iscrizione puoi consultare i dettagli, modificare i tuoi dati, aggiungere
      l&apos;incontro al calendario o annullare l&apos;iscrizione. Il link è personale: non condividerlo.
    </Text>
  );
}

export function Signature() {
  return (
    <Text>
      Cordiali saluti,
      <br />
      la Segreteria del Coordinamento dei Comuni siciliani aderenti al SAI
    </Text>
  );
}
