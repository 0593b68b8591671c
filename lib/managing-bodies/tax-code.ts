// Codice fiscale and partita IVA, checked with their control characters.
// An organisation has an 11-digit numeric code (its codice fiscale, usually
// also its partita IVA); a person (a sole trader) has the 16-character one.
// Pure: safe on the client (the form's resolver) and the server alike.

export type TaxCodeKind = "NUMERIC" | "PERSONAL";

export type TaxCodeResult = { ok: true; value: string; kind: TaxCodeKind } | { ok: false; reason: string };

export const TAX_CODE_MESSAGES = {
  EMPTY: "Indica il codice fiscale o la partita IVA.",
  LENGTH: "Il codice fiscale o la partita IVA deve avere 11 cifre (ente) o 16 caratteri (persona).",
  NUMERIC_LETTERS: "La partita IVA e il codice fiscale di un ente hanno solo cifre: controlla di averlo copiato bene.",
  NUMERIC_CHECK: "L'ultima cifra (di controllo) non corrisponde: il codice fiscale o la partita IVA contiene un errore di battitura.",
  PERSONAL_FORMAT: "Il codice fiscale di una persona ha 6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre e 1 lettera.",
  PERSONAL_DATE:
    "Nel codice fiscale di una persona la 9ª lettera è il mese di nascita (A B C D E H L M P R S T) e le due cifre dopo il giorno (01–31, o 41–71 per le donne): qui non lo sono.",
  PERSONAL_CHECK: "L'ultima lettera (di controllo) non corrisponde: il codice fiscale contiene un errore di battitura.",
} as const;

/** The check digit of the first ten digits of a partita IVA (a Luhn variant). */
export function numericCheckDigit(firstTen: string): number {
  let sum = 0;
  for (let index = 0; index < 10; index += 1) {
    const digit = Number(firstTen[index]);
    if (index % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

// The values of a character in an odd position (1st, 3rd, …): digits share the letters' values.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function characterIndex(character: string): number {
  return /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 65;
}

/** The check letter of the first fifteen characters of a personal codice fiscale. */
export function personalCheckLetter(firstFifteen: string): string {
  let sum = 0;
  for (let index = 0; index < 15; index += 1) {
    const value = characterIndex(firstFifteen[index]);
    sum += index % 2 === 0 ? ODD_VALUES[value] : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

// Omocodia replaces digits with L M N P Q R S T U V, so those letters may stand where digits do.
const OMOCODIA = "LMNPQRSTUV";
const DIGIT = `[0-9${OMOCODIA}]`;
const PERSONAL_PATTERN = new RegExp(`^[A-Z]{6}${DIGIT}{2}[A-Z]${DIGIT}{2}[A-Z]${DIGIT}{3}[A-Z]$`);
/** January to December, as the 9th character gives the month of birth. */
const MONTH_LETTERS = "ABCDEHLMPRST";

/** The 10th and 11th characters, a day of birth: 1–31, plus 40 for a woman. */
function birthDay(code: string): number {
  const digits = code.slice(9, 11).replace(/[LMNPQRSTUV]/g, (letter) => String(OMOCODIA.indexOf(letter)));
  return Number(digits);
}

function validBirthDate(code: string): boolean {
  const day = birthDay(code);
  return MONTH_LETTERS.includes(code[8]) && ((day >= 1 && day <= 31) || (day >= 41 && day <= 71));
}

/** Upper-cased, without spaces, dots or dashes, and without the "IT" of a VAT number written the European way. */
export function normaliseTaxCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s.\-]/g, "");
  return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

/** The normalised code, or why it is not one, in Italian. */
export function validateTaxCode(input: string): TaxCodeResult {
  const value = normaliseTaxCode(input);
  if (!value) return { ok: false, reason: TAX_CODE_MESSAGES.EMPTY };
  if (value.length === 11) {
    if (!/^\d{11}$/.test(value)) return { ok: false, reason: TAX_CODE_MESSAGES.NUMERIC_LETTERS };
    if (numericCheckDigit(value.slice(0, 10)) !== Number(value[10])) return { ok: false, reason: TAX_CODE_MESSAGES.NUMERIC_CHECK };
    return { ok: true, value, kind: "NUMERIC" };
  }
  if (value.length === 16) {
    if (!PERSONAL_PATTERN.test(value)) return { ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_FORMAT };
    if (!validBirthDate(value)) return { ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_DATE };
    if (personalCheckLetter(value.slice(0, 15)) !== value[15]) return { ok: false, reason: TAX_CODE_MESSAGES.PERSONAL_CHECK };
    return { ok: true, value, kind: "PERSONAL" };
  }
  return { ok: false, reason: TAX_CODE_MESSAGES.LENGTH };
}
