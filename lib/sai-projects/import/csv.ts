// A small CSV reader for the lists people save from a spreadsheet: ";" or ","
// between fields (whichever the header line uses), fields in double quotes
// with "" for a quote, CRLF or LF line ends, line breaks inside quotes.

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
    if (character === '"' && field === "") {
      quoted = true;
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
  if (quoted) return null;
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
