import { Heading, Link, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["join-link"];

export function joinLinkSubject(data: Props): string {
  return `${data.updated ? "Link aggiornato" : "Link di collegamento"}: ${data.meetingTitle}`;
}

export function JoinLinkEmail(data: Props) {
  return (
    <EmailLayout
      preview={
        data.updated
          ? `Il link di collegamento a ${data.meetingTitle} è cambiato: usa quello nuovo.`
          : `Il link per collegarti a ${data.meetingTitle}.`
      }
    >
      <Heading as="h1" style={headingStyle}>
        {data.updated ? "Link di collegamento aggiornato" : "Link di collegamento"}
      </Heading>
      <Greeting name={data.recipientName} />
      {data.updated ? (
        <Text>
          il link di collegamento all&apos;incontro è cambiato. Il link ricevuto in precedenza non è più valido: usa
          quello qui sotto.
        </Text>
      ) : (
        <Text>ecco il link per collegarti all&apos;incontro a cui hai l&apos;iscrizione confermata.</Text>
      )}
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <ActionLink href={data.joinUrl} label="Collegati alla videoconferenza" />
      <Text>Il link è riservato ai partecipanti iscritti: si prega di non inoltrarlo.</Text>
      <Text>
        La convocazione, con il programma: <Link href={data.meetingUrl}>{data.meetingUrl}</Link>
      </Text>
      <Signature />
    </EmailLayout>
  );
}
