import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, JoinLink, MeetingDetails, PersonalLinkNote, Signature } from "./parts";

type Props = EmailTemplateProps["registration-promoted"];

export function registrationPromotedSubject(data: Props): string {
  return `Si è liberato un posto: iscrizione confermata a ${data.meetingTitle}`;
}

export function RegistrationPromotedEmail(data: Props) {
  return (
    <EmailLayout preview={`Si è liberato un posto: la tua iscrizione a ${data.meetingTitle} è confermata.`}>
      <Heading as="h1" style={headingStyle}>Si è liberato un posto</Heading>
      <Greeting name={data.recipientName} />
      <Text>
        eri in lista d&apos;attesa per l&apos;incontro: si è liberato un posto e la tua iscrizione è ora confermata.
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <JoinLink joinUrl={data.joinUrl} />
      <Text>In allegato trovi l&apos;invito da aggiungere al tuo calendario (convocazione.ics).</Text>
      <Text>
        Se non puoi più partecipare, annulla l&apos;iscrizione dalla tua pagina personale: il posto passerà alla
        persona successiva in lista d&apos;attesa.
      </Text>
      {data.personalUrl ? (
        <>
          <ActionLink href={data.personalUrl} label="Apri la tua iscrizione" />
          <PersonalLinkNote />
        </>
      ) : (
        <>
          <Text>
            Per consultare, modificare o annullare l&apos;iscrizione usa il link personale che hai ricevuto con il
            messaggio di iscrizione in lista d&apos;attesa: resta valido.
          </Text>
          {data.meetingUrl ? <ActionLink href={data.meetingUrl} label="Vai alla convocazione" /> : null}
        </>
      )}
      <Signature />
    </EmailLayout>
  );
}
