// The registrations export, CSV and XLSX, from plain rows: one column per
// answer, who invited whom, and the nominees each registrant invited.
// Pure (no database), so the files are tested by parsing them back.
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { romeIsoDate } from "@/lib/platform/format/dates";
import type {
  AttendanceMethod,
  AttendanceStatus,
  InvitationStatus,
  OrganisationType,
  RegistrationSource,
  RegistrationStatus,
} from "@/lib/generated/prisma/enums";
import { INVITATION_STATUS_LABELS, ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "../labels";
import { formatNumericDateTime, romeWallClock } from "./format";
import { ATTENDANCE_LABELS, ATTENDANCE_METHOD_LABELS, SOURCE_LABELS } from "./labels";

export type ExportRow = {
  arrival: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  roleTitle: string | null;
  organisationType: OrganisationType;
  municipality: string | null;
  province: string | null;
  organisationName: string | null;
  managingBody: string | null;
  status: RegistrationStatus;
  source: RegistrationSource;
  registeredAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  privacyNoticeVersion: string;
  privacyConsentAt: Date;
  communicationsConsent: boolean;
  communicationsConsentAt: Date | null;
  attendanceStatus: AttendanceStatus | null;
  attendanceMethod: AttendanceMethod | null;
  checkedInAt: Date | null;
  invitedBy: { name: string; email: string; organisation: string } | null;
  nominees: { name: string; email: string; managingBody: string; status: InvitationStatus }[];
};

type Cell = string | number | Date | null;

type Column = { header: string; width: number; value: (row: ExportRow) => Cell };

const yesNo = (value: boolean) => (value ? "Sì" : "No");

/** "Mario Bianchi <mario@coop.it>, Cooperativa Alfa: Ha accettato l'invito; …" */
function describeNominees(row: ExportRow): string {
  return row.nominees
    .map((nominee) => `${nominee.name} <${nominee.email}>, ${nominee.managingBody}: ${INVITATION_STATUS_LABELS[nominee.status]}`)
    .join("; ");
}

export const EXPORT_COLUMNS: readonly Column[] = [
  { header: "N. arrivo", width: 10, value: (row) => row.arrival },
  { header: "Nome", width: 16, value: (row) => row.firstName },
  { header: "Cognome", width: 18, value: (row) => row.lastName },
  { header: "Email", width: 30, value: (row) => row.email },
  { header: "Telefono", width: 16, value: (row) => row.phone },
  { header: "Ruolo o qualifica", width: 28, value: (row) => row.roleTitle },
  { header: "Tipo di ente", width: 14, value: (row) => ORGANISATION_TYPE_LABELS[row.organisationType] },
  { header: "Comune", width: 20, value: (row) => row.municipality },
  { header: "Provincia", width: 10, value: (row) => row.province },
  { header: "Nome dell'ente", width: 28, value: (row) => row.organisationName },
  { header: "Ente gestore", width: 28, value: (row) => row.managingBody },
  { header: "Stato", width: 16, value: (row) => REGISTRATION_STATUS_LABELS[row.status] },
  { header: "Provenienza", width: 20, value: (row) => SOURCE_LABELS[row.source] },
  { header: "Iscrizione ricevuta il", width: 18, value: (row) => row.registeredAt },
  { header: "Confermata il", width: 18, value: (row) => row.confirmedAt },
  { header: "Annullata il", width: 18, value: (row) => row.cancelledAt },
  { header: "Versione informativa privacy", width: 14, value: (row) => row.privacyNoticeVersion },
  { header: "Presa visione informativa il", width: 18, value: (row) => row.privacyConsentAt },
  { header: "Consenso comunicazioni", width: 12, value: (row) => yesNo(row.communicationsConsent) },
  { header: "Consenso comunicazioni dato il", width: 18, value: (row) => row.communicationsConsentAt },
  { header: "Presenza", width: 12, value: (row) => (row.attendanceStatus ? ATTENDANCE_LABELS[row.attendanceStatus] : null) },
  { header: "Presenza rilevata con", width: 18, value: (row) => (row.attendanceMethod ? ATTENDANCE_METHOD_LABELS[row.attendanceMethod] : null) },
  { header: "Check-in alle", width: 18, value: (row) => row.checkedInAt },
  { header: "Invitato/a da", width: 22, value: (row) => row.invitedBy?.name ?? null },
  { header: "Email di chi ha invitato", width: 30, value: (row) => row.invitedBy?.email ?? null },
  { header: "Ente di chi ha invitato", width: 28, value: (row) => row.invitedBy?.organisation ?? null },
  { header: "Rappresentanti invitati", width: 60, value: (row) => describeNominees(row) || null },
];

/** "24/03/2022 15:00", Rome time, as Italian spreadsheets read a date. */
export const formatExportDate = formatNumericDateTime;

/**
 * A spreadsheet date has no time zone: the cell must hold Rome's wall-clock
 * time. exceljs converts a Date through UTC, so the Date handed to it carries
 * Rome's fields as UTC fields.
 */
export function romeWallClockAsUtc(date: Date): Date {
  const t = romeWallClock(date);
  return new Date(Date.UTC(+t.year, +t.month - 1, +t.day, +t.hour, +t.minute, +t.second));
}

// A cell starting with one of these is a formula to Excel or LibreOffice
// (CSV injection): a leading apostrophe keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Excel's quote prefix on the style of the text format ("@", built-in format 49), which nothing else uses. */
function withQuotePrefix(styles: string): string {
  return styles.replace(/<xf numFmtId="49"(?![^>]*quotePrefix)/g, '<xf quotePrefix="1" numFmtId="49"');
}

const isFormulaText = (value: unknown) => typeof value === "string" && FORMULA_START.test(value);

/**
 * A workbook's bytes, where a text a spreadsheet would run as a formula stays
 * text with Excel's quote prefix: shown as typed, with no apostrophe, and
 * still text when the cell is edited. Every XLSX writer ends with this.
 * exceljs knows no quote prefix: such cells get the text format ("@", built-in
 * format 49), used by nothing else, and that style gets quotePrefix="1".
 */
export async function writeXlsxWithQuotePrefix(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (isFormulaText(cell.value)) cell.numFmt = "@";
      });
    });
  });
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const styles = await zip.file("xl/styles.xml")?.async("string");
  if (styles !== undefined) zip.file("xl/styles.xml", withQuotePrefix(styles));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  const text = cell instanceof Date ? formatExportDate(cell) : neutraliseFormula(cell);
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const BOM = "\uFEFF";

/**
 * CSV as Italian Excel opens it with a double click: UTF-8 with a BOM,
 * ";" between fields, CRLF between records, quotes where needed.
 */
export function buildRegistrationsCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map((column) => csvField(column.header))];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((column) => csvField(column.value(row))));
  return BOM + lines.map((fields) => fields.join(";")).join("\r\n") + "\r\n";
}

const DATE_FORMAT = "dd/mm/yyyy hh:mm";

/** The longest the row loop holds the thread before it lets other requests run. */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The streaming writer's hook for styles.xml, which it writes from a string
 * as its last step: the quote prefix goes in there (writeXlsxWithQuotePrefix
 * rewrites the finished file instead, which a stream cannot do).
 */
function quotePrefixOnCommit(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
  const internals = workbook as unknown as { zip: { append(source: string, data: { name: string }): void }; styles: { xml: string } };
  workbook.addStyles = async () => {
    internals.zip.append(withQuotePrefix(internals.styles.xml), { name: "xl/styles.xml" });
  };
}

/** The rows into exceljs's streaming writer, committed one by one, in slices of at most SLICE_MS between turns of the event loop. */
async function writeRegistrationsXlsx(stream: Writable, rows: readonly ExportRow[], title: string, cancelled: () => boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  workbook.creator = "Convoca";
  workbook.created = new Date();
  workbook.title = title;
  quotePrefixOnCommit(workbook);
  const sheet = workbook.addWorksheet("Iscrizioni", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  // Column styles go out with the first row written: every one is set before the header row is committed.
  // One style object per column, shared by its cells: exceljs looks a style
  // up by the object first, and builds and compares its XML only for a new one.
  const styles = EXPORT_COLUMNS.map((column, index): Partial<ExcelJS.Style> => {
    if (!rows.some((row) => column.value(row) instanceof Date)) return {};
    sheet.getColumn(index + 1).numFmt = DATE_FORMAT;
    return { numFmt: DATE_FORMAT };
  });
  const quoted = styles.map((style) => ({ ...style, numFmt: "@" }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  sheet.getRow(1).commit();
  let sliceStarted = performance.now();
  for (const row of rows) {
    const added = sheet.addRow(
      EXPORT_COLUMNS.map((column) => {
        const value = column.value(row);
        return value instanceof Date ? romeWallClockAsUtc(value) : value;
      }),
    );
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = isFormulaText(cell.value) ? quoted[column - 1] : styles[column - 1];
    });
    added.commit();
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      if (cancelled()) return;
      sliceStarted = performance.now();
    }
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * One sheet: a frozen, filterable header row; dates as real dates (Rome
 * time). Written while it is read: the bytes come as exceljs zips them, and
 * a reader slower than the writer holds the zip back (the rows' XML waits in
 * memory, a few MB for the largest export).
 */
export function streamRegistrationsXlsx(rows: readonly ExportRow[], title = "Iscrizioni"): ReadableStream<Uint8Array> {
  let resume: (() => void) | null = null;
  let cancelled = false;
  let sink: Writable | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) > 0) callback();
          else resume = callback;
        },
      });
      writeRegistrationsXlsx(sink, rows, title, () => cancelled).then(
        () => {
          if (!cancelled) controller.close();
        },
        (error: unknown) => {
          if (!cancelled) controller.error(error);
        },
      );
    },
    pull() {
      const next = resume;
      resume = null;
      next?.();
    },
    cancel() {
      cancelled = true;
      sink?.destroy();
    },
  });
}

/** The same workbook as bytes, for a caller that wants the whole file. */
export async function buildRegistrationsXlsx(rows: readonly ExportRow[], title = "Iscrizioni"): Promise<Uint8Array> {
  return new Uint8Array(await new Response(streamRegistrationsXlsx(rows, title)).arrayBuffer());
}

export type ExportFormat = "csv" | "xlsx";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** "iscrizioni-tavolo-tecnico-2022-03-24-2026-11-26.csv": the meeting's slug and today's date in Rome. */
export function exportFilename(slug: string, format: ExportFormat, now = new Date()): string {
  const safeSlug = slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "convocazione";
  return `iscrizioni-${safeSlug}-${romeIsoDate(now)}.${format}`;
}
