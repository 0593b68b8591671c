// The SAI projects list saved from a spreadsheet: ";" or "," between fields
// (whichever the header line uses); quoting and line ends as lib/platform/files/delimited.ts reads them.

import { readDelimited } from "@/lib/platform/files/delimited";

/** The separator of the header line, counting only outside quotes; ";" on a tie (Italian spreadsheets). */
export function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && character === ";") semicolons += 1;
    else if (!quoted && character === ",") commas += 1;
  }
  return commas > semicolons ? "," : ";";
}

/**
 * Every record as its fields, blank lines included (the caller skips them,
 * keeping line numbers); null when the text ends inside a quoted field, which
 * would otherwise swallow every row after the stray quote without a word.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] | null {
  const { records, unclosedQuote } = readDelimited(text, delimiter);
  return unclosedQuote ? null : records;
}
