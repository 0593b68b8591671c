// The widget's words, from Designers Italia's rating pattern (the "Modello
// Comuni" pages): the question, the two lists of reasons and the thanks.
// The question is the pattern's own page-level one, which asks about the
// page and so reads right on every page and guesses nobody's gender
// ("soddisfatto/a" would; lib/platform/format/italian-wording.test.ts).

export const FEEDBACK_QUESTION = "Quanto sono chiare le informazioni su questa pagina?";
export const RATING_LEGEND = "Valuta da 1 a 5 stelle le informazioni di questa pagina";
export const POSITIVE_QUESTION = "Quali sono stati gli aspetti che hai preferito?";
export const NEGATIVE_QUESTION = "Dove hai incontrato le maggiori difficoltà?";
export const DETAIL_QUESTION = "Vuoi aggiungere altri dettagli?";
export const DETAIL_LABEL = "Dettaglio (facoltativo)";
export const THANKS = "Grazie, il tuo parere ci aiuterà a migliorare il servizio!";

/** "Valuta 1 stella su 5", "Valuta 4 stelle su 5". */
export function starLabel(stars: number): string {
  return `Valuta ${stars} ${stars === 1 ? "stella" : "stelle"} su 5`;
}

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/** 4 and 5 stars ask what went well; 1 to 3 what went wrong (as the pattern does). */
export function isPositive(rating: number): boolean {
  return rating >= 4;
}

export const POSITIVE_REASONS = {
  CLEAR: "Le indicazioni erano chiare",
  COMPLETE: "Le indicazioni erano complete",
  ON_TRACK: "Capivo sempre che stavo procedendo correttamente",
  NO_TECHNICAL_PROBLEMS: "Non ho avuto problemi tecnici",
  OTHER_POSITIVE: "Altro",
} as const;

export const NEGATIVE_REASONS = {
  UNCLEAR: "A volte le indicazioni non erano chiare",
  INCOMPLETE: "A volte le indicazioni non erano complete",
  LOST: "A volte non capivo se stavo procedendo correttamente",
  TECHNICAL_PROBLEMS: "Ho avuto problemi tecnici",
  OTHER_NEGATIVE: "Altro",
} as const;

export type PositiveReason = keyof typeof POSITIVE_REASONS;
export type NegativeReason = keyof typeof NEGATIVE_REASONS;
export type FeedbackReason = PositiveReason | NegativeReason;

export const REASON_CODES = [...Object.keys(POSITIVE_REASONS), ...Object.keys(NEGATIVE_REASONS)] as FeedbackReason[];

/** The dashboard's name of a reason ("Altro" says which list it was in). */
export function reasonLabel(code: string): string {
  if (code === "OTHER_POSITIVE") return "Altro (aspetto positivo)";
  if (code === "OTHER_NEGATIVE") return "Altro (difficoltà)";
  return (POSITIVE_REASONS as Record<string, string>)[code] ?? (NEGATIVE_REASONS as Record<string, string>)[code] ?? code;
}

/** Whether a reason belongs to the list the rating asks. */
export function reasonFits(reason: FeedbackReason, rating: number): boolean {
  return isPositive(rating) ? reason in POSITIVE_REASONS : reason in NEGATIVE_REASONS;
}

export const MAX_COMMENT_LENGTH = 200;
export const REDACTED = "[rimosso]";
export const COMMENT_HINT = `Al massimo ${MAX_COMMENT_LENGTH} caratteri. Non scrivere dati personali: indirizzi email, numeri di telefono e codici fiscali vengono sostituiti con «${REDACTED}».`;
