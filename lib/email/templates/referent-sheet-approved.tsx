import { Heading, Section, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["referent-sheet-approved"];

const details = { backgroundColor: "#f2f7fc", borderLeft: "4px solid #0066cc", margin: "16px 0", padding: "12px 16px" };
const row = { fontSize: "16px", margin: "0 0 8px" };

export function referentSheetApprovedSubject(data: Props): string {
  return `Scheda referenti approvata: Comune di ${data.municipalityName}`;
}

export function ReferentSheetApprovedEmail(data: Props) {
  return (
    <EmailLayout preview={`La scheda referenti del Comune di ${data.municipalityName} è stata approvata.`}>
      <Heading as="h1" style={headingStyle}>Scheda referenti approvata</Heading>
      <Text>{data.recipientName ? `Gentile ${data.recipientName},` : "Buongiorno,"}</Text>
      <Text>
        la scheda referenti del <strong>Comune di {data.municipalityName}</strong> che ci hai inviato è stata verificata
        e approvata. Da oggi i referenti del Comune per il Coordinamento sono:
      </Text>
      <Section style={details}>
        {data.referents.map((referent) => (
          <Text style={row} key={referent.name}>
            <strong>{referent.name}</strong>, {referent.role}
            {referent.office ? ` (${referent.office})` : ""}
          </Text>
        ))}
      </Section>
      <Text>
        Ciascun referente ha ricevuto un&apos;email di conferma e riceverà le convocazioni e le comunicazioni del
        Coordinamento. Se i referenti cambiano, puoi inviare una nuova scheda.
      </Text>
      <ActionLink href={data.sheetUrl} label="Vai alla scheda referenti" />
      <Signature />
    </EmailLayout>
  );
}
