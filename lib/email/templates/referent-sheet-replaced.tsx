import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["referent-sheet-replaced"];

export function referentSheetReplacedSubject(data: Props): string {
  return `Scheda referenti sostituita: Comune di ${data.municipalityName}`;
}

export function ReferentSheetReplacedEmail(data: Props) {
  return (
    <EmailLayout preview={`Una nuova scheda referenti del Comune di ${data.municipalityName} ha sostituito la tua.`}>
      <Heading as="h1" style={headingStyle}>La tua scheda referenti è stata sostituita</Heading>
      <Text>{data.recipientName ? `Gentile ${data.recipientName},` : "Buongiorno,"}</Text>
      <Text>
        la scheda referenti del <strong>Comune di {data.municipalityName}</strong> che ci avevi inviato non era ancora
        stata verificata quando {data.replacedBy} ne ha inviata una nuova per lo stesso Comune: ora verificheremo quella.
      </Text>
      <Text>
        Se non ne eri al corrente o se i referenti indicati non sono corretti, scrivi alla Segreteria del Coordinamento
        rispondendo a questo messaggio, oppure invia di nuovo la scheda.
      </Text>
      <ActionLink href={data.sheetUrl} label="Compila la scheda referenti" />
      <Signature />
    </EmailLayout>
  );
}
