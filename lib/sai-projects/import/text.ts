// How the import compares what people typed: without case, accents or extra spaces.

/** "  Sant’Agata  di Militello " → "sant'agata di militello". */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A header or a category as words only: "Partita I.V.A." → "partita i v a". */
export function foldWords(value: string): string {
  return foldText(value)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
