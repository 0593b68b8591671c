// Finding a participants table in a report: the header row is found by its
// names (any capitalisation, English or Italian), wherever it is — after a
// meeting block, a summary or a title — and the table runs until a blank
// line or the next section.
import { columnsNamed, isBlankRow, type Synonyms as FieldSynonyms } from "@/lib/platform/files/columns";
import { foldText } from "@/lib/platform/files/fold";

export type Field =
  | "name"
  | "firstName"
  | "lastName"
  | "email"
  | "upn"
  | "join"
  | "leave"
  | "duration"
  | "attended"
  | "waitingRoom"
  | "action"
  | "timestamp";

/** Each field's header names, folded (see foldText), most specific first. */
export type Synonyms = FieldSynonyms<Field>;

export type Columns = Partial<Record<Field, number>>;

export type Table = { columns: Columns; rows: string[][] };

/**
 * The columns of a header row. The name comes first (a last name makes
 * "Nome" the first name); the other fields prefer a column after the name,
 * since Zoom's flat export repeats the meeting's "Durata (minuti)" before it.
 */
export function findColumns(rawHeader: readonly string[], synonyms: Synonyms): Columns {
  const header = rawHeader.map((cell) => foldText(cell).replace(/:$/, ""));
  const taken = new Set<number>();
  const columns: Columns = {};
  const take = (field: Field, after = -1) => {
    const candidates = columnsNamed(header, synonyms[field]).filter((index) => !taken.has(index));
    const index = candidates.find((candidate) => candidate > after) ?? candidates[0];
    if (index === undefined) return;
    columns[field] = index;
    taken.add(index);
  };
  take("lastName");
  if (columns.lastName !== undefined) take("firstName");
  take("name");
  const anchor = Math.min(columns.name ?? Infinity, columns.firstName ?? Infinity, columns.lastName ?? Infinity);
  const after = Number.isFinite(anchor) ? anchor : -1;
  for (const field of ["email", "upn", "join", "leave", "duration", "attended", "waitingRoom", "action", "timestamp"] as const) take(field, after);
  return columns;
}

const filled = (row: readonly string[]) => row.filter((cell) => cell.trim() !== "").length;
/** "2. Participants", "3. In-Meeting activities", "2. Partecipanti": Teams' section titles. */
const isSectionTitle = (row: readonly string[]) => filled(row) === 1 && /^\d+\.\s+\S/.test(row.find((cell) => cell.trim() !== "") ?? "");

/** Every table of the report whose header `isHeader` accepts, in order. */
export function findTables(rows: readonly string[][], synonyms: Synonyms, isHeader: (columns: Columns) => boolean): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  let width = 0;
  for (const row of rows) {
    const columns = findColumns(row, synonyms);
    if (isHeader(columns)) {
      current = { columns, rows: [] };
      width = filled(row);
      tables.push(current);
      continue;
    }
    if (!current) continue;
    // A blank line or a new section ends the table; so does a one-cell line ("Other Attended,") under a wide header.
    if (isBlankRow(row) || isSectionTitle(row) || (width >= 3 && filled(row) === 1 && current.columns.name !== 0)) {
      current = null;
      continue;
    }
    current.rows.push([...row]);
  }
  return tables;
}

/** Every cell of the first rows, normalised: what platform detection counts its markers in. */
export function headerCells(rows: readonly string[][], limit = 400): Set<string> {
  const cells = new Set<string>();
  for (const row of rows.slice(0, limit)) for (const cell of row) if (cell.length <= 60) cells.add(foldText(cell).replace(/[:,]$/, ""));
  return cells;
}

export function cell(row: readonly string[], index: number | undefined): string {
  return index === undefined ? "" : (row[index] ?? "").trim();
}
