// The report as rows of cells. Zoom and Meet separate with commas, Teams
// with tabs, an Italian Excel re-save with semicolons: the separator found
// on the most lines wins (tab, then semicolon, on a tie). Fields may be in
// double quotes with "" for a quote and line breaks inside.

import { readDelimited } from "@/lib/platform/files/delimited";

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

/** The report's rows, cells trimmed. A stray quote is forgiven: the platform's own columns still say what they hold. */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  return readDelimited(text, delimiter).records.map((cells) => cells.map((cell) => cell.trim()));
}
