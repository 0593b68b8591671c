// A meeting's address: what its title becomes, and the shape the public URL,
// the form and the database agree on.
export const MAX_SLUG_LENGTH = 80;

/** A meeting's slug: what slugify() and freeSlug() make, and what the form accepts. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Tavolo tecnico - 24 marzo" → "tavolo-tecnico-24-marzo": lower case, no accents, words joined by dashes. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug || "convocazione";
}
