// The convocation letter as the PDF the Comuni receive: A4, the letterhead
// (the FAMI block of lib/platform/pdf/funding.ts: the EU emblem and its
// statement, Città di Palermo, Ministero dell'Interno, the fund line, the
// project), the place and date, the protocol number, the Oggetto in bold,
// the salutation, the body as written (bold kept), the closing, the
// signatory, and on every page ANCI Sicilia's foot and "Pagina N di M".
// Text is drawn as text, so it can be selected, searched and read aloud.
import { drawFundingBlock, type Funding } from "@/lib/platform/pdf/funding";
import { markdownBlocks, markdownRuns } from "@/lib/platform/pdf/markdown";
import { A4_PORTRAIT, PdfWriter, type Run } from "@/lib/platform/pdf/writer";
import { LETTER_FOOTER, protocolLabel, websiteLabel } from "./letter";

export type LetterMeeting = Funding & {
  title: string;
  placeAndDate: string | null;
  protocolNumber: string | null;
  subject: string;
  salutation: string | null;
  body: string;
  closing: string | null;
  signatoryName: string;
  signatoryTitle: string;
  projectWebsite: string | null;
};

const SIZE = 10.5;

function drawMarkdown(writer: PdfWriter, markdown: string, after = 8): void {
  for (const block of markdownBlocks(markdown)) {
    const runs: Run[] = block.bullet ? [{ text: `${block.bullet} ` }, ...block.runs] : block.runs;
    writer.richParagraph(runs, { size: SIZE, indent: block.bullet ? 14 : 0, after });
  }
}

/** The letter's file name: "convocazione-tavolo-tecnico-2022-03-24.pdf". */
export function letterFileName(slug: string): string {
  return `convocazione-${slug}.pdf`;
}

export async function buildLetterPdf(meeting: LetterMeeting, options: { preview?: boolean } = {}): Promise<Uint8Array> {
  const writer = await PdfWriter.create(
    A4_PORTRAIT,
    { title: meeting.title, subject: meeting.subject.replace(/\*\*/g, ""), keywords: ["FAMI", "convocazione", meeting.projectCode] },
    { top: 48, right: 56, bottom: 64, left: 56 },
  );
  drawFundingBlock(writer, meeting);
  writer.space(6);
  if (meeting.placeAndDate) writer.paragraph(meeting.placeAndDate, { size: SIZE, align: "right", after: 8 });
  if (meeting.protocolNumber) writer.paragraph(protocolLabel(meeting.protocolNumber), { size: SIZE, after: 12 });
  const subject = markdownRuns(meeting.subject).map((run) => ({ ...run, font: run.font === "italic" ? ("italic" as const) : ("bold" as const) }));
  writer.richParagraph([{ text: "Oggetto: ", font: "bold" }, ...subject], { size: SIZE, after: 14 });
  if (meeting.salutation) drawMarkdown(writer, meeting.salutation);
  drawMarkdown(writer, meeting.body);
  if (meeting.closing) drawMarkdown(writer, meeting.closing);
  writer.space(18);
  writer.ensure(SIZE * 3);
  writer.paragraph(meeting.signatoryName, { size: SIZE, align: "right", after: 2 });
  writer.paragraph(meeting.signatoryTitle, { size: SIZE, align: "right" });

  const foot = [LETTER_FOOTER.name, LETTER_FOOTER.description, meeting.projectWebsite ? websiteLabel(meeting.projectWebsite) : null].filter(Boolean).join(" - ");
  writer.footer((page, pages) => ({
    left: options.preview ? `ANTEPRIMA, non ancora pubblicata - ${foot}` : foot,
    right: `Pagina ${page} di ${pages}`,
  }));
  return writer.save();
}
