import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { SITE } from "@/lib/site";

export const FUNDING_NOTICE =
  "Progetto co-finanziato dall'Unione Europea — Fondo Asilo, Migrazione e Integrazione 2014-2020 — Progetto 3031 COOPERA";

// Inline styles only: most mail clients drop <style> blocks and classes.
const body = { backgroundColor: "#f2f4f6", fontFamily: "Titillium Web, Helvetica, Arial, sans-serif", margin: 0 };
const container = { backgroundColor: "#ffffff", margin: "24px auto", maxWidth: "600px", padding: "0 0 16px" };
const header = { backgroundColor: "#0066cc", color: "#ffffff", padding: "16px 24px" };
const brand = { color: "#ffffff", fontSize: "20px", fontWeight: 700, lineHeight: "24px", margin: 0 };
const brandTagline = { color: "#ffffff", fontSize: "14px", lineHeight: "20px", margin: 0 };
const content = { color: "#1a1a1a", fontSize: "16px", lineHeight: "24px", padding: "8px 24px" };
const footer = { color: "#5c6f82", fontSize: "12px", lineHeight: "18px", padding: "0 24px" };

type EmailLayoutProps = {
  /** The line mail clients show next to the subject. */
  preview: string;
  children: ReactNode;
  /** A communication the person may stop: the link at the foot (its List-Unsubscribe header is made by ../render). */
  unsubscribeUrl?: string | null;
};

export function EmailLayout({ preview, children, unsubscribeUrl }: EmailLayoutProps) {
  return (
    <Html lang="it">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section style={header}>
            <Text style={brand}>{SITE.title}</Text>
            <Text style={brandTagline}>
              {SITE.ownerLongName} · {SITE.tagline}
            </Text>
          </Section>
          <Section style={content}>{children}</Section>
          <Hr />
          <Section style={footer}>
            <Text style={footer}>{FUNDING_NOTICE}.</Text>
            <Text style={footer}>
              {SITE.ownerLongName}, {SITE.ownerAddress} · Segreteria del Coordinamento: {SITE.contactEmail}
            </Text>
            <Text style={footer}>
              Messaggio inviato automaticamente dal portale {SITE.name}: per informazioni scrivere a{" "}
              {SITE.contactEmail}.
            </Text>
            {unsubscribeUrl ? (
              <Text style={footer}>
                <Link href={unsubscribeUrl} style={{ color: "#0066cc", textDecoration: "underline" }}>
                  Non ricevere più queste comunicazioni
                </Link>{" "}
                ({unsubscribeUrl})
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
