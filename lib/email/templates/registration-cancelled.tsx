import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["registration-cancelled"];

export function registrationCancelledSubject(data: Props): string {
  return `Iscrizione annullata: ${data.meetingTitle}`;
}

export function RegistrationCancelledEmail(data: Props) {
  return (
    <EmailLayout preview={`La tua iscrizione a ${data.meetingTitle} è stata annullata.`}>
      <Heading as="h1" style={headingStyle}>Iscrizione annullata</Heading>
      <Greeting name={data.recipientName} />
      <Text>ti confermiamo che la tua iscrizione all&apos;incontro è stata annullata.</Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <Text>
        Il link personale ricevuto in precedenza non è più valido. Se cambi idea, puoi iscriverti di nuovo finché
        le iscrizioni sono aperte.
      </Text>
      {data.meetingUrl ? <ActionLink href={data.meetingUrl} label="Vai alla convocazione" /> : null}
      <Signature />
    </EmailLayout>
  );
}
