// The comment is anonymous: what would say who wrote it, or open their
// personal pages, is replaced before it is stored. Over-redacting (a long
// protocol number read as a phone number) is the safe side.
import { REDACTED } from "./labels";

// An address, also written to dodge the obvious ("nome (at) comune.it", "nome [at] comune [dot] it").
const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|\(\s*at\s*\)|\[\s*at\s*\]|\{\s*at\s*\}|\s(?:at|chiocciola)\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\(\s*dot\s*\)|\[\s*dot\s*\]|\s(?:dot|punto)\s)\s*[\p{L}\p{N}-]+)+/giu;
// A personal link's token or an attestato's code, or anything as long and as random.
const TOKEN_LIKE = /[A-Za-z0-9_-]{24,}/g;
// An Italian codice fiscale (omocodia letters included).
const TAX_CODE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/giu;
// Six or more digits, with the separators people put in phone numbers: "+39 091 123 4567", "333-1234567", "(091) 12.34.56".
const PHONE = /(?:\+|\b00)?\(?\d(?:[\s.\-()]{0,3}\d){5,}/g;

/** The comment with email addresses, phone numbers, tax codes and token-like strings replaced by "[rimosso]". */
export function redactPersonalData(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(TOKEN_LIKE, REDACTED).replace(TAX_CODE, REDACTED).replace(PHONE, REDACTED);
}
