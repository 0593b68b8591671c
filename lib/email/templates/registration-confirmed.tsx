import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, JoinLink, MeetingDetails, PersonalLinkNote, Signature } from "./parts";

type Props = EmailTemplateProps["registration-confirmed"];

export function registrationConfirmedSubject(data: Props): string {
  return `Iscrizione confermata: ${data.meetingTitle}`;
}

export function RegistrationConfirmedEmail(data: Props) {
  return (
    <EmailLayout preview={`La tua iscrizione a ${data.meetingTitle} è confermata.`}>
      <Heading as="h1" style={headingStyle}>Iscrizione confermata</Heading>
      <Greeting name={data.recipientName} />
      <Text>la tua iscrizione all&apos;incontro è confermata. Ti aspettiamo.</Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <JoinLink joinUrl={data.joinUrl} />
      <Text>In allegato trovi l&apos;invito da aggiungere al tuo calendario (convocazione.ics).</Text>
      {data.personalUrl ? <ActionLink href={data.personalUrl} label="Apri la tua iscrizione" /> : null}
      <PersonalLinkNote />
      <Signature />
    </EmailLayout>
  );
}
