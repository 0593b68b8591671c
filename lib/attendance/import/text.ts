// Comparing what people and platforms write: headers in either language and
// any capitalisation, names with or without accents, in either order.

/** "Durata (minuti)", "DURATA (MINUTI) ", "In sala d’attesa" → "durata (minuti)", "in sala d'attesa". */
export function normaliseHeader(value: string): string {
  return value
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** The words of a name, lower case, without accents or punctuation: "D'Amico Maria Grazia" → ["d", "amico", "maria", "grazia"]. */
export function nameWords(value: string): string[] {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/**
 * A name's key for matching: its words sorted, so "Rossi Maria" and "Maria
 * Rossi" (and "MARIA ROSSÌ") agree. Empty for a name without letters.
 */
export function nameKey(value: string): string {
  return nameWords(value).sort().join(" ");
}

export function normaliseEmail(value: string | null | undefined): string | null {
  const email = (value ?? "").trim().toLowerCase();
  return email.includes("@") ? email : null;
}
