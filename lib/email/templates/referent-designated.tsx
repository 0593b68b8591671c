import { Heading, Link, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["referent-designated"];

export function referentDesignatedSubject(data: Props): string {
  return `Sei referente del Comune di ${data.municipalityName} per il Coordinamento dei Comuni SAI`;
}

export function ReferentDesignatedEmail(data: Props) {
  return (
    <EmailLayout preview={`Il Comune di ${data.municipalityName} ti ha indicato come ${data.roleLabel} per il Coordinamento.`}>
      <Heading as="h1" style={headingStyle}>Sei referente del tuo Comune per il Coordinamento</Heading>
      <Text>{data.recipientName ? `Gentile ${data.recipientName},` : "Buongiorno,"}</Text>
      <Text>
        il <strong>Comune di {data.municipalityName}</strong> ti ha indicato come <strong>{data.roleLabel}</strong>
        {data.office ? ` (${data.office})` : ""} per il Coordinamento dei Comuni siciliani aderenti al SAI.
      </Text>
      <Text>
        Il Coordinamento, promosso da ANCI Sicilia nell&apos;ambito del progetto COOPERA, riunisce i Comuni della
        Sicilia titolari di progetti SAI (Sistema di Accoglienza e Integrazione) in tavoli tecnici, webinar e
        incontri di formazione, per il confronto tra i Comuni e gli enti gestori dei progetti.
      </Text>
      <Text>
        Come referente riceverai a questo indirizzo le convocazioni degli incontri e le comunicazioni del
        Coordinamento, e potrai iscriverti e indicare i rappresentanti degli enti gestori del tuo Comune.
      </Text>
      <ActionLink href={data.siteUrl} label="Vai alle convocazioni" />
      <Text>
        Per qualsiasi domanda, o se non sei più la persona giusta per questo ruolo, scrivi alla Segreteria del
        Coordinamento: <Link href={`mailto:${data.contactEmail}`}>{data.contactEmail}</Link>.
      </Text>
      <Signature />
    </EmailLayout>
  );
}
