// Delimited text as spreadsheets and videoconference platforms save it:
// fields in double quotes with "" for a quote and line breaks inside, CRLF,
// LF or CR line ends. Each reader picks its own separator.

export type DelimitedText = {
  /** Every record as its fields, untrimmed, blank lines included (callers skip them, keeping line numbers). */
  records: string[][];
  /** The text ended inside a quoted field: every line after the stray quote became part of one field. */
  unclosedQuote: boolean;
};

export function readDelimited(text: string, delimiter: string): DelimitedText {
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
  return { records, unclosedQuote: quoted };
}
