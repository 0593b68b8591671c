import { Heading, Section, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["referent-sheet-received"];

const details = { backgroundColor: "#f2f7fc", borderLeft: "4px solid #0066cc", margin: "16px 0", padding: "12px 16px" };
const row = { fontSize: "16px", margin: "0 0 8px" };

export function referentSheetReceivedSubject(data: Props): string {
  return `Scheda referenti ricevuta: Comune di ${data.municipalityName}`;
}

export function ReferentSheetReceivedEmail(data: Props) {
  return (
    <EmailLayout preview={`Abbiamo ricevuto la scheda referenti del Comune di ${data.municipalityName}: la verificheremo.`}>
      <Heading as="h1" style={headingStyle}>Scheda referenti ricevuta</Heading>
      <Text>{data.recipientName ? `Gentile ${data.recipientName},` : "Buongiorno,"}</Text>
      <Text>
        abbiamo ricevuto la scheda referenti del <strong>Comune di {data.municipalityName}</strong>
        {data.resubmitted ? ", che sostituisce quella inviata in precedenza e non ancora verificata" : ""}. La
        verificheremo al più presto: quando sarà approvata te lo scriveremo, e ciascun referente riceverà un&apos;email di conferma.
      </Text>
      <Text>Referenti indicati nella scheda:</Text>
      <Section style={details}>
        {data.referents.map((referent) => (
          <Text style={row} key={referent.email}>
            <strong>{referent.name}</strong>, {referent.role}
            {referent.office ? ` (${referent.office})` : ""} — {referent.email}
          </Text>
        ))}
      </Section>
      <Text>
        Se qualcosa non è corretto, puoi inviare di nuovo la scheda per lo stesso Comune: finché non è verificata,
        la nuova scheda sostituisce questa.
      </Text>
      <ActionLink href={data.sheetUrl} label="Vai alla scheda referenti" />
      <Signature />
    </EmailLayout>
  );
}
