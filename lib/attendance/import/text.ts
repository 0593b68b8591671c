// Comparing the names and emails people and platforms write: names with or
// without accents, in either order (lib/platform/files/fold.ts folds the text).
import { foldWords } from "@/lib/platform/files/fold";

/** The words of a name, lower case, without accents or punctuation: "D'Amico Maria Grazia" → ["d", "amico", "maria", "grazia"]. */
export function nameWords(value: string): string[] {
  return foldWords(value).split(" ").filter(Boolean);
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
