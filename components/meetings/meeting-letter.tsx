import { InlineMarkdown, MarkdownText } from "@/components/ui/markdown";
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

/** "0227/15/03/22" → "Prot. n. 0227/15/03/22"; a number already prefixed is kept as written. */
export function protocolLabel(protocolNumber: string): string {
  const value = protocolNumber.trim();
  return /^prot/i.test(value) ? value : `Prot. n. ${value}`;
}

/** "https://www.progettocoopera.it/" → "progettocoopera.it", as the letter's footer writes it. */
export function websiteLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

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
        <p className="fw-bold mb-0">ANCI SICILIA</p>
        <p className="mb-0">Associazione dei comuni siciliani</p>
        {meeting.projectWebsite ? (
          <p className="mb-0">
            <a href={meeting.projectWebsite}>{websiteLabel(meeting.projectWebsite)}</a>
          </p>
        ) : null}
      </div>
    </section>
  );
}
