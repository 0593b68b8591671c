import { InlineMarkdown, MarkdownText } from "@/components/ui/markdown";
import { LETTER_FOOTER, protocolLabel, websiteLabel } from "@/lib/meetings/letter";
import type { PublicMeeting } from "@/lib/meetings/queries";

type MeetingLetterProps = {
  meeting: Pick<
    PublicMeeting,
    | "placeAndDate"
    | "protocolNumber"
    | "subject"
    | "salutation"
    | "body"
    | "closing"
    | "signatoryName"
    | "signatoryTitle"
    | "projectWebsite"
  >;
};

/** The convocation letter, word for word: place and date, protocol, subject, body, closing, signature, footer. */
export function MeetingLetter({ meeting }: MeetingLetterProps) {
  return (
    <section className="letter mb-5" aria-labelledby="testo-convocazione">
      <h2 id="testo-convocazione" className="h4 mb-4">
        Testo della convocazione
      </h2>
      {meeting.placeAndDate ? <p className="text-end">{meeting.placeAndDate}</p> : null}
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
      {/* The letterhead's foot, as on the paper letter. */}
      <div className="letter-footer border-top mt-5 pt-3 text-center" aria-label="Piè di pagina della lettera" role="group">
        <p className="fw-bold mb-0">{LETTER_FOOTER.name}</p>
        <p className="mb-0">{LETTER_FOOTER.description}</p>
        {meeting.projectWebsite ? (
          <p className="mb-0">
            <a href={meeting.projectWebsite}>{websiteLabel(meeting.projectWebsite)}</a>
          </p>
        ) : null}
      </div>
    </section>
  );
}
