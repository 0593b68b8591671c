// The SAI projects list the import benchmark uploads: a realistic list as a
// region's office would export it, written as the two files the upload
// accepts (a CSV saved by an Italian spreadsheet, and an XLSX).
//
// Projects spread over the seeded municipalities, about three per managing
// body (each with a valid 11-digit tax code), unique project codes; and about
// 2 % bad rows, which the import must reject. Seeded, so every run uploads
// the same list.
import ExcelJS from "exceljs";
import { numericCheckDigit, validateTaxCode } from "../../lib/managing-bodies/tax-code";
import type { MunicipalityRow } from "../../prisma/seed/municipalities";

const HEADER = ["Codice ISTAT", "Comune", "Ente gestore", "Codice fiscale", "Categoria", "Codice progetto", "Posti"];

/** Spellings of the three categories as such lists write them, and which one each is; ordinary projects are most of them. */
const CATEGORIES = [
  ["Ordinari", "ORDINARI"],
  ["Ordinari", "ORDINARI"],
  ["Ordinari", "ORDINARI"],
  ["Ordinari", "ORDINARI"],
  ["ORDINARI", "ORDINARI"],
  ["MSNA", "MSNA"],
  ["Minori (MSNA)", "MSNA"],
  ["DM-DS", "DM_DS"],
  ["DM/DS", "DM_DS"],
] as const;

const BODY_KINDS = ["Cooperativa sociale", "Società cooperativa sociale", "Associazione", "Consorzio", "Fondazione", "Cooperativa sociale onlus"];
const BODY_NAMES = ["Il Faro", "Arcobaleno", "Nuovi Orizzonti", "Sole", "La Rete", "Insieme", "Il Ponte", "Terra Nostra", "San Francesco", "Mediterraneo", "Accoglienza", "Girasole"];

/** Every 50th row is bad, one of three ways in turn. */
const BAD_EVERY = 50;
const BAD_KINDS = ["unknown ISTAT code", "bad tax code", "unknown category"] as const;
export type BadKind = (typeof BAD_KINDS)[number];

export type ImportList = {
  records: string[][];
  bodies: number;
  /** Rows the import should create projects from. */
  valid: number;
  bad: Record<BadKind, number>;
  /** Distinct municipalities of the valid rows: the ones the first apply marks as SAI members. */
  municipalities: number;
};

/** mulberry32: small, fast, and the same list on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** An organisation's codice fiscale: a 7-digit number, a 3-digit office code, the check digit. */
function taxCodeOf(index: number): string {
  const firstTen = `${String(100_000 + index * 37).padStart(7, "0")}082`;
  const code = `${firstTen}${numericCheckDigit(firstTen)}`;
  if (!validateTaxCode(code).ok) throw new Error(`The generator made an invalid tax code: ${code}`);
  return code;
}

export function generateImportList(rows: number, municipalities: MunicipalityRow[]): ImportList {
  const next = random(20_261_126);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const bodyCount = Math.max(1, Math.round(rows / 3));
  const bodies = Array.from({ length: bodyCount }, (_, index) => {
    const kind = BODY_KINDS[index % BODY_KINDS.length];
    const name = BODY_NAMES[Math.floor(index / BODY_KINDS.length) % BODY_NAMES.length];
    // Some names carry quotes, which the CSV must quote and double.
    const quoted = index % 7 === 3 ? `"${name}"` : name;
    return { name: `${kind} ${quoted} ${index + 1}`, taxCode: taxCodeOf(index + 1) };
  });

  const triples = new Set<string>();
  const marked = new Set<string>();
  const bad = Object.fromEntries(BAD_KINDS.map((kind) => [kind, 0])) as Record<BadKind, number>;
  const records: string[][] = [];
  let valid = 0;
  for (let index = 0; index < rows; index += 1) {
    const projectCode = `PROG-${String(index + 1).padStart(5, "0")}`;
    const places = String(5 + Math.floor(next() * 116));
    if (index % BAD_EVERY === BAD_EVERY - 1) {
      const kind = BAD_KINDS[Math.floor(index / BAD_EVERY) % BAD_KINDS.length];
      const body = pick(bodies);
      const municipality = pick(municipalities);
      bad[kind] += 1;
      if (kind === "unknown ISTAT code") records.push([`0999${String(index % 100).padStart(2, "0")}`, "", body.name, body.taxCode, "Ordinari", projectCode, places]);
      else if (kind === "bad tax code") {
        const wrong = `${body.taxCode.slice(0, 10)}${(Number(body.taxCode[10]) + 1) % 10}`;
        records.push([municipality.istatCode, municipality.name, body.name, wrong, "Ordinari", projectCode, places]);
      } else records.push([municipality.istatCode, municipality.name, body.name, body.taxCode, "Straordinari", projectCode, places]);
      continue;
    }

    // Every body gets its turn, so each has about three projects; a municipality × body × category
    // is one project at most, so a taken one is drawn again.
    const body = bodies[valid % bodyCount];
    let municipality: MunicipalityRow;
    let category: (typeof CATEGORIES)[number];
    let triple: string;
    do {
      municipality = pick(municipalities);
      category = pick(CATEGORIES);
      triple = `${municipality.istatCode}|${valid % bodyCount}|${category[1]}`;
    } while (triples.has(triple));
    triples.add(triple);
    marked.add(municipality.istatCode);
    records.push([municipality.istatCode, municipality.name, body.name, body.taxCode, category[0], projectCode, places]);
    valid += 1;
  }
  return { records, bodies: Math.min(bodyCount, valid), valid, bad, municipalities: marked.size };
}

const csvField = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** As an Italian spreadsheet saves "CSV UTF-8": a BOM, ";" between fields, CRLF. */
export function toCsv(list: ImportList): Uint8Array {
  const lines = [HEADER, ...list.records].map((record) => record.map(csvField).join(";"));
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

/** One worksheet; ISTAT codes as text (their leading zero kept), places as numbers. */
export async function toXlsx(list: ImportList): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Progetti SAI");
  sheet.addRow(HEADER);
  for (const record of list.records) sheet.addRow([...record.slice(0, 6), Number(record[6])]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
