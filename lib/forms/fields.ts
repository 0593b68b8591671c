// The text field builders the schemas share. A single-line field (a name, a
// role, an organisation) is normalised on input: CR, LF, tab and runs of
// whitespace become one space, the ends trimmed, so the stored value, the
// name on an email and its subject agree. Multi-line fields (textareas) do
// not use these: they keep their line breaks.
import { z } from "zod";

export function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** A required single-line text field. */
export function requiredText(message: string, max = 120) {
  return z.string({ error: message }).transform(singleLine).pipe(z.string().min(1, message).max(max, `Massimo ${max} caratteri`));
}

/** An optional single-line text field: empty is "". */
export function optionalText(max: number, tooLong = `Massimo ${max} caratteri`) {
  return z.string().transform(singleLine).pipe(z.string().max(max, tooLong));
}
