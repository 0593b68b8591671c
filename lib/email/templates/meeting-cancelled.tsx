import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, Greeting, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["meeting-cancelled"];

export function meetingCancelledSubject(data: Props): string {
  return `Incontro annullato: ${data.meetingTitle}`;
}

/** To every confirmed or waitlisted registrant when a coordinator cancels the meeting. */
export function MeetingCancelledEmail(data: Props) {
  return (
    <EmailLayout preview={`L'incontro ${data.meetingTitle} è stato annullato.`}>
      <Heading as="h1" style={headingStyle}>Incontro annullato</Heading>
      <Greeting name={data.recipientName} />
      <Text>ti informiamo che l&apos;incontro a cui avevi la tua iscrizione è stato annullato e non si terrà.</Text>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where}>
        {data.reason ? (
          <Text style={{ fontSize: "16px", margin: "0 0 8px" }}>
            <span style={{ color: "#5c6f82" }}>Motivo:</span> {data.reason}
          </Text>
        ) : null}
      </MeetingDetails>
      <Text>Non devi fare nulla: ti scusiamo per il disagio e ti terremo al corrente delle prossime iniziative del Coordinamento.</Text>
      {data.meetingUrl ? <ActionLink href={data.meetingUrl} label="Vai alla convocazione" /> : null}
      <Signature />
    </EmailLayout>
  );
}
