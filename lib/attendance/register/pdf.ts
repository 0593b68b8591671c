// The register as an A4 landscape PDF: the funding block, the meeting, the
// participants, the totals and the absent, "Pagina N di M" on each page.
import { stripInlineMarkdown } from "@/lib/platform/format/text";
import { drawFundingBlock } from "@/lib/platform/pdf/funding";
import { A4_LANDSCAPE, PdfWriter, type Column } from "@/lib/platform/pdf/writer";
import { generatedLine, REGISTER_TITLE, registerFacts, type RegisterMeeting } from "./meeting";
import type { AttendanceRegister, TotalRow } from "./rows";

const PARTICIPANT_COLUMNS: Column[] = [
  { header: "N.", width: 24, align: "right" },
  { header: "Cognome", width: 88 },
  { header: "Nome", width: 78 },
  { header: "Tipo di ente", width: 62 },
  { header: "Ente", width: 150 },
  { header: "Comune", width: 88 },
  { header: "Prov.", width: 32 },
  { header: "Ruolo o qualifica", width: 128 },
  { header: "Minuti", width: 42, align: "right" },
  { header: "Rilevazione", width: 77.89 },
];

const ABSENT_COLUMNS: Column[] = [
  { header: "N.", width: 24, align: "right" },
  { header: "Cognome", width: 100 },
  { header: "Nome", width: 90 },
  { header: "Tipo di ente", width: 70 },
  { header: "Ente", width: 190 },
  { header: "Comune", width: 100 },
  { header: "Prov.", width: 36 },
  { header: "Annotazione", width: 159.89 },
];

const TOTAL_COLUMNS = (first: string): Column[] => [
  { header: first, width: 220 },
  { header: "Partecipanti", width: 80, align: "right" },
  { header: "Minuti di presenza", width: 100, align: "right" },
];

const totalCells = (rows: readonly TotalRow[], total: TotalRow) =>
  [...rows, total].map((row) => [row.label, String(row.participants), String(row.minutes)]);

export async function buildRegisterPdf(meeting: RegisterMeeting, register: AttendanceRegister, now = new Date()): Promise<Uint8Array> {
  const writer = await PdfWriter.create(A4_LANDSCAPE, {
    title: `${REGISTER_TITLE} - ${meeting.title}`,
    subject: stripInlineMarkdown(meeting.subject),
    keywords: ["FAMI", "registro presenze", meeting.projectCode],
    createdAt: now,
  });
  drawFundingBlock(writer, meeting, { compact: true });
  writer.paragraph(REGISTER_TITLE, { size: 16, font: "bold", after: 6 });
  writer.facts(registerFacts(meeting), 9.5, 100);
  writer.space(10);

  writer.paragraph(`Partecipanti presenti (${register.participants.length})`, { size: 12, font: "bold", after: 4 });
  if (register.participants.length === 0) {
    writer.paragraph("Nessuna presenza registrata.", { size: 9.5, after: 6 });
  } else {
    writer.table(
      PARTICIPANT_COLUMNS,
      register.participants.map((row) => [
        String(row.number),
        row.lastName,
        row.firstName,
        row.organisationType,
        row.organisation,
        row.municipality,
        row.province,
        row.role,
        row.minutes === null ? "—" : String(row.minutes),
        row.method,
      ]),
    );
  }
  writer.space(12);

  writer.ensure(120);
  writer.paragraph("Totali per tipo di ente", { size: 12, font: "bold", after: 4 });
  writer.table(TOTAL_COLUMNS("Tipo di ente"), totalCells(register.byOrganisationType, register.total), 9);
  writer.space(12);
  writer.ensure(80);
  writer.paragraph("Totali per provincia", { size: 12, font: "bold", after: 4 });
  writer.table(TOTAL_COLUMNS("Provincia"), totalCells(register.byProvince, register.total), 9);
  writer.space(12);

  writer.ensure(60);
  writer.paragraph(`Iscritti confermati assenti (${register.absent.length})`, { size: 12, font: "bold", after: 4 });
  if (register.absent.length === 0) {
    writer.paragraph("Nessun assente tra gli iscritti confermati.", { size: 9.5 });
  } else {
    writer.table(
      ABSENT_COLUMNS,
      register.absent.map((row) => [
        String(row.number),
        row.lastName,
        row.firstName,
        row.organisationType,
        row.organisation,
        row.municipality,
        row.province,
        row.note,
      ]),
    );
  }

  const generated = generatedLine(now);
  // A long title must not run into "Pagina N di M" on the right.
  const title = meeting.title.length > 80 ? `${meeting.title.slice(0, 79)}…` : meeting.title;
  writer.footer((page, pages) => ({ left: `${REGISTER_TITLE} - ${title} - ${generated}`, right: `Pagina ${page} di ${pages}` }));
  return writer.save();
}
