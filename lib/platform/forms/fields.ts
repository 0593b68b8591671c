// The text field builders the schemas share. Every text a form or the JSON
// API accepts goes through one of them, so no field stores a control
// character: C0 controls (but tab, line feed, and carriage return before a
// line feed), DEL, C1 controls and lone surrogates are refused with an
// Italian message (PostgreSQL refuses a NUL byte outright, and the others
// only break what later prints them).
//
// A single-line field (a name, a role, an organisation) is normalised on
// input: CR, LF, tab and runs of whitespace become one space, the ends
// trimmed, so the stored value, the name on an email and its subject agree.
// Multi-line fields (textareas) keep their line breaks: only the ends are trimmed.
import { z } from "zod";

export const CONTROL_CHARACTER_MESSAGE = "Il testo contiene caratteri non ammessi (caratteri di controllo): cancellali e riscrivi il testo";

// C0 but tab, LF and CR; DEL and C1; lone surrogates (high without low, low without high).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A textarea sends its line breaks as CRLF: a CR of its own is no line break.
const LONE_CR = /\r(?!\n)/;

/** Whether a one-line value may be stored (tab, CR and LF are allowed: they become a space). */
export function isCleanLine(value: string): boolean {
  return !CONTROL.test(value);
}

/** Whether a multi-line value may be stored: tab, LF and CRLF line breaks, nothing else below the space. */
export function isCleanText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_CR.test(value);
}

export function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/**
 * A string with no control characters, as is (no trimming): the base of
 * every other field (emails, phones, codes, ids, choices). `message` is the
 * error for a value that is not a string.
 */
export function cleanString(message?: string) {
  return z.string(message === undefined ? undefined : { error: message }).refine(isCleanLine, CONTROL_CHARACTER_MESSAGE);
}

/** A required single-line text field. */
export function requiredText(message: string, max = 120) {
  return cleanString(message).transform(singleLine).pipe(z.string().min(1, message).max(max, `Massimo ${max} caratteri`));
}

/** An optional single-line text field: empty is "". */
export function optionalText(max: number, tooLong = `Massimo ${max} caratteri`) {
  return cleanString().transform(singleLine).pipe(z.string().max(max, tooLong));
}

function multilineString(message?: string) {
  return z.string(message === undefined ? undefined : { error: message }).refine(isCleanText, CONTROL_CHARACTER_MESSAGE);
}

/** A required multi-line text field (a textarea): line breaks kept, the ends trimmed. */
export function requiredMultiline(message: string, max: number, { min = 1, tooShort = message }: { min?: number; tooShort?: string } = {}) {
  return multilineString(message)
    .transform((value) => value.trim())
    .pipe(z.string().min(min, tooShort).max(max, `Massimo ${max} caratteri`));
}

/** An optional multi-line text field (a textarea): empty is "". */
export function optionalMultiline(max: number, tooLong = `Massimo ${max} caratteri`) {
  return multilineString()
    .transform((value) => value.trim())
    .pipe(z.string().max(max, tooLong));
}

/** A required email address (an ordinary one, a PEC), lower-cased, with the form's own messages. */
export function emailAddressField(messages: { missing: string; tooLong: string; invalid: string }) {
  return cleanString(messages.missing)
    .trim()
    .min(1, messages.missing)
    .max(254, messages.tooLong)
    .pipe(z.email(messages.invalid))
    .transform((email) => email.toLowerCase());
}

/** An email address, required, lower-cased. */
export const emailField = emailAddressField({
  missing: "Inserisci l'indirizzo email",
  tooLong: "Indirizzo email troppo lungo",
  invalid: "Inserisci un indirizzo email valido, ad esempio nome@comune.it",
});

// Italian landlines and mobiles, optionally +39/0039, spaces, dots, dashes or slashes between groups.
const ITALIAN_PHONE = /^(?:(?:\+|00)39)?\s?(?:0\d{1,4}|3\d{2})[\s./-]?\d{2,4}(?:[\s./-]?\d{2,4}){0,2}$/;

/** An Italian phone number, optional: empty is null. */
export const phoneField = cleanString()
  .trim()
  .max(30, "Numero di telefono troppo lungo")
  .refine((value) => value === "" || ITALIAN_PHONE.test(value), "Inserisci un numero italiano, ad esempio 091 123 4567 o 333 123 4567")
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** A checkbox as a form posts it ("on") or a client sends it (true, "true"). */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
