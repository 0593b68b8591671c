import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["coverage-reminder"];

export function coverageReminderSubject(data: Props): string {
  return `Promemoria iscrizione: ${data.meetingTitle}`;
}

/** "del Comune di Palermo", "dei Comuni di Palermo e Monreale", "dei Comuni di Palermo, Monreale e Bagheria". */
function ofMunicipalities(names: string[]): string {
  if (names.length === 1) return `del Comune di ${names[0]}`;
  return `dei Comuni di ${names.slice(0, -1).join(", ")} e ${names[names.length - 1]}`;
}

export function CoverageReminderEmail(data: Props) {
  const of = ofMunicipalities(data.municipalityNames);
  return (
    <EmailLayout preview={`Non risultano ancora iscrizioni ${of} a ${data.meetingTitle}.`} unsubscribeUrl={data.unsubscribeUrl}>
      <Heading as="h1" style={headingStyle}>Promemoria: iscrizione all&apos;incontro</Heading>
      <Greeting name={data.recipientName} />
      <Text>
        ti scriviamo in qualità di referente {of} per il Coordinamento dei Comuni siciliani aderenti al SAI: ad
        oggi non risulta ancora nessuna iscrizione {of} all&apos;incontro indicato qui sotto.
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <Text>
        Ti chiediamo cortesemente di iscriverti, o di far iscrivere chi parteciperà per l&apos;Ente
        {data.closesAt ? `, entro ${data.closesAt}` : ""}.
        {data.invitesManagingBodies
          ? " Nel modulo di iscrizione puoi anche indicare i rappresentanti degli enti gestori dei progetti SAI del Comune: riceveranno un invito personale a partecipare."
          : ""}
      </Text>
      <ActionLink href={data.registrationUrl} label="Iscriviti all'incontro" />
      <Text>
        Il testo completo della convocazione è disponibile alla pagina {data.meetingUrl}. Se l&apos;Ente si è già
        iscritto o ha già comunicato la propria assenza, ti preghiamo di non tenere conto di questo messaggio.
      </Text>
      <Signature />
    </EmailLayout>
  );
}
