// IndicePA's list of entities (dataset «Enti», enti.csv; its layout in
// ./columns.ts) → the Sicilian Comuni in it, each with its ISTAT code, tax
// code, name and first PEC. Nothing is judged against the database here:
// ./plan.ts does that. Whatever the bytes, the answer is rows or a refusal
// with its Italian message, never an exception.
import { isBlankRow } from "@/lib/platform/files/columns";
import { decodeText, looksBinary } from "@/lib/platform/files/decode";
import { readDelimited } from "@/lib/platform/files/delimited";
import { foldWords } from "@/lib/platform/files/fold";
import { singleLine } from "@/lib/platform/forms/fields";
import { mailPairs, missingColumns, recogniseIndicePaHeaders, type IndicePaColumns, type RequiredColumnGroup } from "./columns";
import { MAX_INDICEPA_BYTES, MAX_INDICEPA_RECORDS } from "./limits";
import { refusalMessage, type IndicePaRefusalCode } from "./messages";

const MAX_CELL = 500;

/** ISTAT's province codes in Sicily: Trapani 081, Palermo 082, Messina 083, Agrigento 084, Caltanissetta 085, Enna 086, Catania 087, Ragusa 088, Siracusa 089. */
export const SICILIAN_PROVINCE_CODES = ["081", "082", "083", "084", "085", "086", "087", "088", "089"] as const;

/** A Sicilian Comune as the list gives it. `line` is its record's number, the header being 1 (a spreadsheet's row number). */
export type IndicePaRow = {
  line: number;
  istatCode: string;
  taxCode: string | null;
  name: string;
  /** The first of its addresses marked «Pec», trimmed and lower-cased, as written (./plan.ts checks it is an address); null when none is. */
  pec: string | null;
  /** Its IndicePA code ("c_g273"), to tell the Comune's own entry from another with the same ISTAT code. */
  ipaCode: string;
};

/** The rows left out, counted for the preview. */
export type SkippedRows = {
  /** Entities that are not a Comune: an ASP, a school, a consortium, a union of Comuni. */
  notComuni: number;
  /** Comuni whose ISTAT code is not of a Sicilian province: «fuori Sicilia». */
  outsideSicily: number;
  /** Comuni whose ISTAT code is missing or not six digits. */
  withoutIstatCode: number;
};

export type IndicePaRefusal = { ok: false; code: IndicePaRefusalCode; missing: RequiredColumnGroup[]; message: string };

export type ParsedIndicePa = { ok: true; rows: IndicePaRow[]; skipped: SkippedRows } | IndicePaRefusal;

type Delimiter = "," | ";" | "\t";

function refuse(code: IndicePaRefusalCode, missing: RequiredColumnGroup[] = []): IndicePaRefusal {
  return { ok: false, code, missing, message: refusalMessage(code, missing) };
}

/** The separator of the header line, counting outside quotes: IndicePA publishes ","; a spreadsheet may save ";" or tabs. A tie is ",". */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && (character === "," || character === ";" || character === "\t")) counts[character] += 1;
  }
  return (Object.keys(counts) as Delimiter[]).reduce((winner, candidate) => (counts[candidate] > counts[winner] ? candidate : winner));
}

function cell(record: readonly string[], at: number | undefined): string {
  return at === undefined ? "" : singleLine(record[at] ?? "").slice(0, MAX_CELL);
}

/** "82053" (a spreadsheet drops the zero) → "082053"; null unless it is one to six digits. */
export function istatCodeOf(value: string): string | null {
  return /^\d{1,6}$/.test(value) ? value.padStart(6, "0") : null;
}

/** A Comune's codice fiscale is 11 digits; a spreadsheet may have dropped its leading zeros. Anything else is null. */
export function taxCodeOf(value: string): string | null {
  return /^\d{9,11}$/.test(value) ? value.padStart(11, "0") : null;
}

/** "c_g273": the code IndicePA gives a Comune, "c_" and its cadastral code. */
export function isComuneIpaCode(ipaCode: string, cadastralCode = ""): boolean {
  const code = ipaCode.toLowerCase();
  if (cadastralCode) return code === `c_${cadastralCode.toLowerCase()}`;
  return /^c_[a-z]\d{3}$/.test(code);
}

/**
 * Whether the row is a Comune: category L6 ("Comuni e loro Consorzi e
 * Associazioni") and either named «Comune di …» or coded as a Comune, which
 * leaves out the consortia and unions that share L6. Without the category
 * column, as the brief of the import allows: Tipologia «Pubbliche
 * Amministrazioni» and the name.
 */
export function isComune(fields: { category: string; tipologia: string; name: string; ipaCode: string; cadastralCode: string }, columns: IndicePaColumns): boolean {
  const named = foldWords(fields.name).startsWith("comune ");
  if (columns.category !== undefined) {
    if (fields.category.toUpperCase() !== "L6") return false;
    return named || isComuneIpaCode(fields.ipaCode, fields.cadastralCode);
  }
  return foldWords(fields.tipologia) === "pubbliche amministrazioni" && named;
}

/** The first address marked «Pec» (Tipo_Mail1 before Tipo_Mail2 …), trimmed and lower-cased. */
export function firstPec(record: readonly string[], columns: IndicePaColumns): string | null {
  for (const pair of mailPairs(columns)) {
    const address = cell(record, pair.mail);
    if (address !== "" && foldWords(cell(record, pair.type)) === "pec") return address.toLowerCase();
  }
  return null;
}

type Classified = { kind: "comune"; row: IndicePaRow } | { kind: keyof SkippedRows };

function classify(record: readonly string[], line: number, columns: IndicePaColumns): Classified {
  const fields = {
    category: cell(record, columns.category),
    tipologia: cell(record, columns.tipologia),
    name: cell(record, columns.name),
    ipaCode: cell(record, columns.ipaCode),
    cadastralCode: cell(record, columns.cadastralCode),
  };
  if (!isComune(fields, columns)) return { kind: "notComuni" };
  const istatCode = istatCodeOf(cell(record, columns.istatCode));
  if (istatCode === null) return { kind: "withoutIstatCode" };
  if (!(SICILIAN_PROVINCE_CODES as readonly string[]).includes(istatCode.slice(0, 3))) return { kind: "outsideSicily" };
  const row: IndicePaRow = {
    line,
    istatCode,
    taxCode: taxCodeOf(cell(record, columns.taxCode)),
    name: fields.name,
    pec: firstPec(record, columns),
    ipaCode: fields.ipaCode,
  };
  return { kind: "comune", row };
}

/** The file's records, or why there are none to read. */
function readRecords(bytes: Uint8Array): { ok: true; records: string[][] } | IndicePaRefusal {
  if (bytes.length === 0) return refuse("EMPTY");
  if (bytes.length > MAX_INDICEPA_BYTES) return refuse("TOO_LARGE");
  if (looksBinary(bytes)) return refuse("FILE_TYPE");
  const { text } = decodeText(bytes);
  // What decodeText gives for a binary file that is none of those it knows: NUL bytes no text has.
  if (text.includes("\u0000")) return refuse("FILE_TYPE");
  const { records, unclosedQuote } = readDelimited(text, detectDelimiter(text));
  if (unclosedQuote) return refuse("UNCLOSED_QUOTE");
  return { ok: true, records };
}

/** Reads IndicePA's enti.csv: its Sicilian Comuni, in file order, and how many rows were left out and why. */
export function parseIndicePaFile(bytes: Uint8Array): ParsedIndicePa {
  const read = readRecords(bytes);
  if (!read.ok) return read;
  const { records } = read;

  const headerIndex = records.findIndex((record) => !isBlankRow(record));
  if (headerIndex === -1) return refuse("EMPTY");
  const columns = recogniseIndicePaHeaders(records[headerIndex]);
  const missing = missingColumns(columns);
  if (missing.length > 0) return refuse("MISSING_COLUMNS", missing);

  const rows: IndicePaRow[] = [];
  const skipped: SkippedRows = { notComuni: 0, outsideSicily: 0, withoutIstatCode: 0 };
  let dataRows = 0;
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (isBlankRow(record)) continue;
    dataRows += 1;
    if (dataRows > MAX_INDICEPA_RECORDS) return refuse("TOO_MANY_ROWS");
    const classified = classify(record, index + 1, columns);
    if (classified.kind === "comune") rows.push(classified.row);
    else skipped[classified.kind] += 1;
  }
  if (dataRows === 0) return refuse("EMPTY");
  if (rows.length === 0) return refuse("NO_SICILIAN_COMUNI");
  return { ok: true, rows, skipped };
}
