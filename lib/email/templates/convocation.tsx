import { Heading, Link, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["convocation"];

const muted = { color: "#5c6f82", fontSize: "14px", lineHeight: "20px" };

/** The Oggetto of the letter, as the letter writes it (without its bold marks). */
export function convocationSubject(data: Props): string {
  return data.subject;
}

/**
 * The convocation itself, sent to a Comune by PEC or to a person by email:
 * a short cover note, the meeting, the "Iscriviti" button; the letter and
 * the blank scheda referenti travel as PDF attachments (added by the worker
 * from the dispatch, lib/dispatch).
 */
export function ConvocationEmail(data: Props) {
  return (
    <EmailLayout preview={`${data.meetingTitle}: la convocazione in allegato.`} unsubscribeUrl={data.unsubscribeUrl}>
      <Heading as="h1" style={headingStyle}>
        {data.meetingTitle}
      </Heading>
      <Text>{data.addressee ? `${data.addressee},` : "Gentile referente,"}</Text>
      <Text>
        si trasmette in allegato la convocazione{data.protocol ? ` (${data.protocol})` : ""} all&apos;incontro del
        Coordinamento dei Comuni siciliani aderenti al SAI indicato qui sotto, con la scheda referenti da
        compilare.
      </Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      <Text>
        Per partecipare è necessario iscriversi{data.closesAt ? ` entro ${data.closesAt}` : ""}. Il link per
        collegarsi sarà inviato agli iscritti prima dell&apos;incontro.
      </Text>
      <ActionLink href={data.registrationUrl} label="Iscriviti all'incontro" />
      <Text>
        La scheda referenti si può compilare anche <Link href={data.referentSheetUrl}>online</Link>; il testo della
        convocazione è pubblicato sulla <Link href={data.meetingUrl}>pagina dell&apos;incontro</Link>.
      </Text>
      <Signature />
      <Text style={muted}>Allegati: {data.attachmentNames.join(", ")}.</Text>
    </EmailLayout>
  );
}
