// An uploaded SAI projects list (CSV or XLSX) → its rows as typed, one
// object per row with the recognised columns. Nothing is judged here beyond
// the file itself: each row's content is planned against the database later.
import ExcelJS from "exceljs";
import { z } from "zod";
import { isBlankRow } from "@/lib/platform/files/columns";
import { decodeText } from "@/lib/platform/files/decode";
import { MAX_UPLOAD_BYTES, XLSX_LIMITS } from "@/lib/platform/files/limits";
import { measureZip } from "@/lib/platform/files/zip";
import { IMPORT_COLUMNS, missingColumns, recogniseHeaders, type ImportColumn, type RequiredColumnGroup } from "./columns";
import { parseCsv } from "./csv";

export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;
export const MAX_IMPORT_ROWS = 5000;
const MAX_CELL = 500;

/** A row as read from the file: its row number (the header is row 1) and each recognised column's text. */
export type ImportRow = { row: number } & Record<ImportColumn, string>;

export const importRowSchema = z.object({
  row: z.number().int(),
  ...Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, z.string()])),
}) as unknown as z.ZodType<ImportRow>;

export const importRowsSchema = z.array(importRowSchema);

export type ImportFileError =
  | { code: "EMPTY" }
  | { code: "FILE_TYPE" }
  | { code: "TOO_LARGE" }
  | { code: "TOO_LARGE_UNPACKED" }
  | { code: "TOO_MANY_ROWS" }
  | { code: "UNREADABLE" }
  | { code: "UNCLOSED_QUOTE" }
  | { code: "MISSING_COLUMNS"; missing: RequiredColumnGroup[] };

export type ParsedImport = { ok: true; rows: ImportRow[] } | ({ ok: false } & ImportFileError);

export type ImportFileKind = "csv" | "xlsx";

/** By the name's extension, confirmed by the content: an XLSX is a zip ("PK"). */
export function importFileKind(fileName: string, bytes: Uint8Array): ImportFileKind | null {
  const extension = fileName.toLowerCase().split(".").pop();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extension === "xlsx") return zip ? "xlsx" : null;
  if (extension === "csv" || extension === "txt") return zip ? null : "csv";
  return null;
}

/** The first worksheet as rows of cell texts; null when it is not a workbook exceljs can read. */
async function readWorkbook(bytes: Uint8Array): Promise<string[][] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) cells.push(row.getCell(column).text ?? "");
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (row) => row ?? []);
}

/** Reads the file; every problem with the file as a whole is a code the page turns into Italian. */
export async function parseImportFile(fileName: string, bytes: Uint8Array): Promise<ParsedImport> {
  if (bytes.length === 0) return { ok: false, code: "EMPTY" };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, code: "TOO_LARGE" };
  const kind = importFileKind(fileName, bytes);
  if (!kind) return { ok: false, code: "FILE_TYPE" };

  let records: string[][];
  if (kind === "csv") {
    const parsed = parseCsv(decodeText(bytes).text);
    if (parsed === null) return { ok: false, code: "UNCLOSED_QUOTE" };
    records = parsed;
  } else {
    const unpacked = measureZip(bytes, XLSX_LIMITS);
    if (!unpacked.ok) return { ok: false, code: unpacked.reason === "TOO_LARGE" ? "TOO_LARGE_UNPACKED" : "UNREADABLE" };
    const sheet = await readWorkbook(bytes);
    if (sheet === null) return { ok: false, code: "UNREADABLE" };
    records = sheet;
  }

  const headerIndex = records.findIndex((record) => !isBlankRow(record));
  if (headerIndex === -1) return { ok: false, code: "EMPTY" };
  const columns = recogniseHeaders(records[headerIndex]);
  const missing = missingColumns(columns);
  if (missing.length > 0) return { ok: false, code: "MISSING_COLUMNS", missing };

  const rows: ImportRow[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (isBlankRow(record)) continue;
    if (rows.length === MAX_IMPORT_ROWS) return { ok: false, code: "TOO_MANY_ROWS" };
    const row = { row: index + 1 } as ImportRow;
    for (const column of IMPORT_COLUMNS) {
      const at = columns[column];
      row[column] = at === undefined ? "" : (record[at] ?? "").trim().slice(0, MAX_CELL);
    }
    // A spreadsheet stores 00488410010 as the number 488410010: give a numeric tax code its leading zeros back.
    if (kind === "xlsx" && /^\d{9,10}$/.test(row.taxCode)) row.taxCode = row.taxCode.padStart(11, "0");
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, code: "EMPTY" };
  return { ok: true, rows };
}
