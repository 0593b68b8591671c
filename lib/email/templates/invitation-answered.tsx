import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["invitation-answered"];

export function invitationAnsweredSubject(data: Props): string {
  return data.accepted
    ? `Invito accettato da ${data.inviteeName}: ${data.meetingTitle}`
    : `${data.inviteeName} non potrà partecipare: ${data.meetingTitle}`;
}

export function InvitationAnsweredEmail(data: Props) {
  const answer = data.accepted
    ? "ha accettato l'invito: la sua iscrizione all'incontro è registrata."
    : "ha comunicato che non potrà partecipare all'incontro.";
  return (
    <EmailLayout preview={`${data.inviteeName} ${answer}`}>
      <Heading as="h1" style={headingStyle}>
        {data.accepted ? "Invito accettato" : "Invito declinato"}
      </Heading>
      <Greeting name={data.recipientName} />
      <Text>
        ti informiamo che {data.inviteeName}, che hai indicato come rappresentante dell&apos;ente gestore{" "}
        {data.managingBodyName}, {answer}
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      {data.accepted ? null : (
        <Text>
          Finché le iscrizioni sono aperte può ancora accettare l&apos;invito dal link ricevuto; puoi anche indicare
          un altro rappresentante dalla pagina della tua iscrizione.
        </Text>
      )}
      {data.meetingUrl ? <ActionLink href={data.meetingUrl} label="Vai alla convocazione" /> : null}
      <Signature />
    </EmailLayout>
  );
}
