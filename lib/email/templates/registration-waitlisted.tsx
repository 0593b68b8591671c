import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, PersonalLinkNote, Signature } from "./parts";

type Props = EmailTemplateProps["registration-waitlisted"];

export function registrationWaitlistedSubject(data: Props): string {
  return `Sei in lista d'attesa: ${data.meetingTitle}`;
}

export function RegistrationWaitlistedEmail(data: Props) {
  return (
    <EmailLayout preview={`I posti per ${data.meetingTitle} sono esauriti: sei in lista d'attesa.`}>
      <Heading as="h1" style={headingStyle}>Sei in lista d&apos;attesa</Heading>
      <Greeting name={data.recipientName} />
      <Text>
        abbiamo ricevuto la tua richiesta di iscrizione, ma i posti disponibili per l&apos;incontro sono esauriti:
        la tua iscrizione è in lista d&apos;attesa
        {data.waitlistPosition ? ` (posizione n. ${data.waitlistPosition})` : ""}.
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <Text>
        Se si libera un posto, le persone in lista d&apos;attesa vengono iscritte nell&apos;ordine di arrivo delle
        richieste: in quel caso riceverai subito un messaggio di conferma. Non serve fare altro.
      </Text>
      {data.ics ? (
        <Text>In allegato trovi l&apos;incontro da segnare nel tuo calendario (convocazione.ics).</Text>
      ) : null}
      {data.personalUrl ? <ActionLink href={data.personalUrl} label="Apri la tua iscrizione" /> : null}
      <PersonalLinkNote />
      <Signature />
    </EmailLayout>
  );
}
