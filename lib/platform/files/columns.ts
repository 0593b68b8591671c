// Recognising an import's columns by their header names, whatever the file's
// column order: each import folds its header cells (lib/platform/files/fold.ts) and
// lists each field's names, folded the same way, most specific first.

/** Each field's header names, folded, most specific first. */
export type Synonyms<Field extends string> = Partial<Record<Field, readonly string[]>>;

/** Every column whose (folded) header is one of `names`: the most specific name's columns first, left to right, each once. */
export function columnsNamed(header: readonly string[], names: readonly string[] | undefined): number[] {
  if (!names) return [];
  const found: number[] = [];
  for (const name of names) {
    header.forEach((cell, index) => {
      if (cell === name && !found.includes(index)) found.push(index);
    });
  }
  return found;
}

/** Each field's leftmost column whose (folded) header is one of its names; a column counts for one field, the first of two alike wins. */
export function leftmostColumns<Field extends string>(header: readonly string[], synonyms: Synonyms<Field>): Partial<Record<Field, number>> {
  const fields = Object.keys(synonyms) as Field[];
  const found: Partial<Record<Field, number>> = {};
  header.forEach((cell, index) => {
    const field = fields.find((candidate) => synonyms[candidate]?.includes(cell));
    if (field !== undefined && found[field] === undefined) found[field] = index;
  });
  return found;
}

/** A row of nothing but blanks: a spreadsheet's empty line, skipped while line numbers count on. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}
