import { InlineMarkdown, MarkdownText } from "@/components/ui/markdown";
import type { PublicMeeting } from "@/lib/meetings/queries";

type MeetingLetterProps = {
  meeting: Pick<
    PublicMeeting,
    "protocolNumber" | "subject" | "salutation" | "body" | "closing" | "signatoryName" | "signatoryTitle"
  >;
};

/** "0227/15/03/22" → "Prot. n. 0227/15/03/22"; a number already prefixed is kept as written. */
export function protocolLabel(protocolNumber: string): string {
  const value = protocolNumber.trim();
  return /^prot/i.test(value) ? value : `Prot. n. ${value}`;
}

/** The convocation letter, word for word: protocol, subject, body, closing, signature. */
export function MeetingLetter({ meeting }: MeetingLetterProps) {
  return (
    <section className="letter mb-5" aria-labelledby="testo-convocazione">
      <h2 id="testo-convocazione" className="h4 mb-4">
        Testo della convocazione
      </h2>
      {meeting.protocolNumber ? <p>{protocolLabel(meeting.protocolNumber)}</p> : null}
      <p>
        <strong>Oggetto:</strong> <InlineMarkdown>{meeting.subject}</InlineMarkdown>
      </p>
      {meeting.salutation ? <MarkdownText>{meeting.salutation}</MarkdownText> : null}
      <MarkdownText>{meeting.body}</MarkdownText>
      {meeting.closing ? <MarkdownText>{meeting.closing}</MarkdownText> : null}
      <p className="signature mt-4">
        {meeting.signatoryName}
        <br />
        {meeting.signatoryTitle}
      </p>
    </section>
  );
}
