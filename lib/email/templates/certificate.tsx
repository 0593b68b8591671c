import { Heading, Link, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";
import { plural } from "@/lib/platform/format/plural";

type Props = EmailTemplateProps["certificate"];

export function certificateSubject(data: Props): string {
  return `Attestato di partecipazione: ${data.meetingTitle}`;
}

export function CertificateEmail(data: Props) {
  return (
    <EmailLayout preview={`Il tuo attestato di partecipazione a ${data.meetingTitle}.`}>
      <Heading as="h1" style={headingStyle}>Attestato di partecipazione</Heading>
      <Greeting name={data.recipientName} />
      <Text>
        grazie per aver partecipato all&apos;incontro. Ti inviamo l&apos;attestato di partecipazione: risulti presente per{" "}
        {plural(data.minutes, "minuto", "minuti")}.
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      {data.replacesPrevious ? (
        <Text>
          Questo attestato sostituisce quello inviato in precedenza: il codice dell&apos;attestato precedente non è più valido.
        </Text>
      ) : null}
      <ActionLink href={data.downloadUrl} label="Scarica l'attestato (PDF)" />
      <Text>
        Codice dell&apos;attestato: <strong>{data.code}</strong>
        <br />
        Chiunque può verificarne la validità con il codice QR stampato sull&apos;attestato o a questo indirizzo:{" "}
        <Link href={data.verifyUrl}>{data.verifyUrl}</Link>
      </Text>
      <Text>
        Conserva questa email: per sicurezza il portale non conserva il codice. Se la perdi, la Segreteria può rilasciarti un
        nuovo attestato, con un nuovo codice.
      </Text>
      <Signature />
    </EmailLayout>
  );
}
