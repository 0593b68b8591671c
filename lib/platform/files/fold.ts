// How imports compare what people and platforms write: without case, accents,
// extra spaces or the kind of apostrophe, so "DURATA (MINUTI) ",
// "In sala d’attesa" and "  Sant’Agata  di Militello " match what we expect.

/** "  Sant’Agata  di Militello " → "sant'agata di militello"; a BOM or other space at either end goes too. */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Letters and digits only, as words: "Partita I.V.A." → "partita i v a", "D'Amico" → "d amico". */
export function foldWords(value: string): string {
  return foldText(value)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
