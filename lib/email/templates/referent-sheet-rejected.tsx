import { Heading, Section, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["referent-sheet-rejected"];

const quote = { backgroundColor: "#fdf3f4", borderLeft: "4px solid #cc334d", margin: "16px 0", padding: "12px 16px" };

export function referentSheetRejectedSubject(data: Props): string {
  return `Scheda referenti da compilare di nuovo: Comune di ${data.municipalityName}`;
}

export function ReferentSheetRejectedEmail(data: Props) {
  return (
    <EmailLayout preview={`La scheda referenti del Comune di ${data.municipalityName} non è stata approvata.`}>
      <Heading as="h1" style={headingStyle}>Scheda referenti non approvata</Heading>
      <Text>{data.recipientName ? `Gentile ${data.recipientName},` : "Buongiorno,"}</Text>
      <Text>
        la scheda referenti del <strong>Comune di {data.municipalityName}</strong> che ci hai inviato non è stata
        approvata, per questo motivo:
      </Text>
      <Section style={quote}>
        <Text style={{ margin: 0 }}>{data.reason}</Text>
      </Section>
      <Text>Ti chiediamo di compilare di nuovo la scheda tenendo conto di questa indicazione.</Text>
      <ActionLink href={data.sheetUrl} label="Compila di nuovo la scheda referenti" />
      <Text>Per chiarimenti puoi rispondere a questo messaggio o scrivere alla Segreteria del Coordinamento.</Text>
      <Signature />
    </EmailLayout>
  );
}
