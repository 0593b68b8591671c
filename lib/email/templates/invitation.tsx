import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["invitation"];

export function invitationSubject(data: Props): string {
  return `Invito: ${data.meetingTitle}`;
}

export function InvitationEmail(data: Props) {
  return (
    <EmailLayout preview={`${data.inviterName} ti invita a ${data.meetingTitle}.`}>
      <Heading as="h1" style={headingStyle}>Un invito a un incontro per te</Heading>
      <Greeting name={data.recipientName} />
      <Text>
        {data.inviterName}
        {data.inviterOrganisation ? ` (${data.inviterOrganisation})` : ""} ti invita a partecipare, in qualità di rappresentante
        dell&apos;ente gestore {data.managingBodyName}, all&apos;incontro del Coordinamento dei Comuni siciliani
        aderenti al SAI.
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <Text>
        Per partecipare conferma la tua presenza con il modulo già compilato con i tuoi dati; dalla stessa pagina
        puoi anche declinare l&apos;invito.
        {data.expiresOn ? ` Il link è valido fino al ${data.expiresOn}.` : ""}
      </Text>
      <ActionLink href={data.invitationUrl} label="Rispondi all'invito" />
      <Text>
        Il link è personale: non inoltrarlo. Se pensi di aver ricevuto questo messaggio per errore, puoi ignorarlo.
      </Text>
      <Signature />
    </EmailLayout>
  );
}
