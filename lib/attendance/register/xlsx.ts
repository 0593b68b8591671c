// The register as a workbook: "Presenti" (funding block, meeting, one row per
// participant), "Totali" (by type of organisation and by province) and
// "Assenti". Minutes are numbers, so the funder's spreadsheets can sum them.
import ExcelJS from "exceljs";
import { CO_FINANCING_STATEMENT, fundingText, projectHeading } from "@/lib/platform/pdf/funding";
import { writeXlsxWithQuotePrefix } from "@/lib/registrations/dashboard/export";
import { generatedLine, REGISTER_TITLE, registerFacts, type RegisterMeeting } from "./meeting";
import type { AttendanceRegister, TotalRow } from "./rows";

type Cell = string | number | null;

function heading(sheet: ExcelJS.Worksheet, meeting: RegisterMeeting, now: Date, subtitle: string): void {
  sheet.addRow([CO_FINANCING_STATEMENT]);
  sheet.addRow([fundingText(meeting.fundingFund, meeting.fundingLine)]);
  sheet.addRow([projectHeading(meeting)]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([`${REGISTER_TITLE} - ${subtitle}`]).font = { bold: true, size: 14 };
  for (const [label, value] of registerFacts(meeting)) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([generatedLine(now)]);
  sheet.addRow([]);
}

function table(sheet: ExcelJS.Worksheet, headers: string[], rows: Cell[][]): void {
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F0FA" } };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const row of rows) sheet.addRow(row);
}

function setup(sheet: ExcelJS.Worksheet, meeting: RegisterMeeting, now: Date, widths: number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const title = meeting.title.replaceAll("&", "&&");
  sheet.headerFooter = { oddFooter: `&L${REGISTER_TITLE} - ${title} - ${generatedLine(now)}&RPagina &P di &N` };
}

const totalCells = (rows: readonly TotalRow[], total: TotalRow): Cell[][] =>
  [...rows, total].map((row) => [row.label, row.participants, row.minutes]);

export async function buildRegisterXlsx(meeting: RegisterMeeting, register: AttendanceRegister, now = new Date()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Convoca";
  workbook.created = now;
  workbook.title = `${REGISTER_TITLE} - ${meeting.title}`;

  const present = workbook.addWorksheet("Presenti");
  setup(present, meeting, now, [6, 20, 18, 14, 36, 20, 8, 30, 10, 22]);
  heading(present, meeting, now, `presenti (${register.participants.length})`);
  table(
    present,
    ["N.", "Cognome", "Nome", "Tipo di ente", "Ente", "Comune", "Provincia", "Ruolo o qualifica", "Minuti", "Rilevazione"],
    register.participants.map((row) => [
      row.number,
      row.lastName,
      row.firstName,
      row.organisationType,
      row.organisation || null,
      row.municipality || null,
      row.province || null,
      row.role || null,
      row.minutes,
      row.method,
    ]),
  );

  const totals = workbook.addWorksheet("Totali");
  setup(totals, meeting, now, [30, 14, 20]);
  heading(totals, meeting, now, "totali");
  table(totals, ["Tipo di ente", "Partecipanti", "Minuti di presenza"], totalCells(register.byOrganisationType, register.total));
  totals.addRow([]);
  table(totals, ["Provincia", "Partecipanti", "Minuti di presenza"], totalCells(register.byProvince, register.total));

  const absent = workbook.addWorksheet("Assenti");
  setup(absent, meeting, now, [6, 20, 18, 14, 36, 20, 8, 26]);
  heading(absent, meeting, now, `iscritti confermati assenti (${register.absent.length})`);
  table(
    absent,
    ["N.", "Cognome", "Nome", "Tipo di ente", "Ente", "Comune", "Provincia", "Annotazione"],
    register.absent.map((row) => [
      row.number,
      row.lastName,
      row.firstName,
      row.organisationType,
      row.organisation || null,
      row.municipality || null,
      row.province || null,
      row.note,
    ]),
  );

  // Text from people (names, organisations) never runs as a formula.
  return writeXlsxWithQuotePrefix(workbook);
}
