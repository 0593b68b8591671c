import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, PersonalLinkNote, Signature } from "./parts";

type Props = EmailTemplateProps["personal-link"];

const STATUS_TEXT: Record<NonNullable<Props["status"]>, string> = {
  CONFIRMED: "La tua iscrizione è confermata.",
  WAITLISTED: "Sei in lista d'attesa: se si libera un posto riceverai un messaggio di conferma.",
};

export function personalLinkSubject(data: Props): string {
  return `Il tuo link personale: ${data.meetingTitle}`;
}

export function PersonalLinkEmail(data: Props) {
  return (
    <EmailLayout preview={`La tua iscrizione a ${data.meetingTitle} c'è già: ecco di nuovo il tuo link personale.`}>
      <Heading as="h1" style={headingStyle}>La tua iscrizione c&apos;è già</Heading>
      <Greeting name={data.recipientName} />
      <Text>
        abbiamo ricevuto una nuova richiesta di iscrizione con questo indirizzo email, ma la tua iscrizione
        all&apos;incontro c&apos;era già: non è stata creata una seconda iscrizione.{data.status ? ` ${STATUS_TEXT[data.status]}` : ""}
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <Text>Ecco di nuovo il link alla tua pagina personale.</Text>
      {data.personalUrl ? <ActionLink href={data.personalUrl} label="Apri la tua iscrizione" /> : null}
      <PersonalLinkNote />
      <Text>Se non hai fatto tu questa richiesta, puoi ignorare questo messaggio.</Text>
      <Signature />
    </EmailLayout>
  );
}
