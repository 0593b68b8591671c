// The report as rows of cells. Zoom and Meet separate with commas, Teams
// with tabs, an Italian Excel re-save with semicolons: the separator found
// on the most lines wins (tab, then semicolon, on a tie). Fields may be in
// double quotes with "" for a quote and line breaks inside.

export type Delimiter = "\t" | ";" | ",";

const CANDIDATES: Delimiter[] = ["\t", ";", ","];

export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  const lines = text.split(/\r\n|\n|\r/).slice(0, 200);
  for (const line of lines) {
    let quoted = false;
    const seen = new Set<Delimiter>();
    for (const character of line) {
      if (character === '"') quoted = !quoted;
      else if (!quoted && (character === "\t" || character === ";" || character === ",")) seen.add(character);
    }
    for (const delimiter of seen) counts.set(delimiter, (counts.get(delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  let most = 0;
  for (const delimiter of CANDIDATES) {
    const count = counts.get(delimiter) ?? 0;
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
      continue;
    }
    if (character === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (character === delimiter) {
      record.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && text[index + 1] === "\n") index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      field += character;
    }
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.map((cells) => cells.map((cell) => cell.trim()));
}
