import { Heading, Link, Text } from "@react-email/components";
import Markdown, { type Components } from "react-markdown";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, MeetingDetails, Signature } from "./parts";

type Props = EmailTemplateProps["meeting-message"];

const paragraph = { fontSize: "16px", lineHeight: "24px", margin: "16px 0" };
const subheading = { color: "#17324d", fontSize: "20px", lineHeight: "28px", margin: "16px 0 8px" };
const why = { color: "#5c6f82", fontSize: "14px", lineHeight: "20px" };

// The coordinator's Markdown with the email's own styles. react-markdown
// drops raw HTML and unsafe link protocols; images are left out (a remote
// image in an email is a tracker or a broken box).
const components: Components = {
  h1: ({ children }) => <h2 style={subheading}>{children}</h2>,
  h2: ({ children }) => <h2 style={subheading}>{children}</h2>,
  h3: ({ children }) => <h3 style={subheading}>{children}</h3>,
  p: ({ children }) => <Text style={paragraph}>{children}</Text>,
  a: ({ href, children }) => <Link href={href}>{children}</Link>,
};

export const AUDIENCE_REASONS: Record<Props["audience"], string> = {
  CONFIRMED: "Ricevi questo messaggio perché hai un'iscrizione a questo incontro.",
  WAITLISTED: "Ricevi questo messaggio perché sei in lista d'attesa per questo incontro.",
  PRESENT: "Ricevi questo messaggio perché risulti tra i presenti a questo incontro.",
  ABSENT: "Ricevi questo messaggio perché avevi un'iscrizione a questo incontro e non risulti tra i presenti.",
};

export function meetingMessageSubject(data: Props): string {
  return data.subject;
}

/** A coordinator's reminder or follow-up, as written, with the meeting's facts and why it arrives. */
export function MeetingMessageEmail(data: Props) {
  return (
    <EmailLayout preview={data.subject}>
      <Heading as="h1" style={headingStyle}>
        {data.subject}
      </Heading>
      <Markdown components={components} disallowedElements={["img"]}>
        {data.body}
      </Markdown>
      <MeetingDetails title={data.meetingTitle} when={data.when} where={data.where} />
      {data.meetingUrl ? <ActionLink href={data.meetingUrl} label="Vai alla convocazione" /> : null}
      <Signature />
      <Text style={why}>
        {AUDIENCE_REASONS[data.audience]}
      </Text>
    </EmailLayout>
  );
}
