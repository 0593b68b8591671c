// The columns of a SAI projects list, recognised by their Italian headers
// whatever their case, accents, spacing or punctuation.
import type { SaiCategory } from "@/lib/generated/prisma/enums";
import { leftmostColumns } from "@/lib/platform/files/columns";
import { foldWords } from "@/lib/platform/files/fold";

export const IMPORT_COLUMNS = ["istatCode", "municipality", "managingBody", "taxCode", "category", "projectCode", "places"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const HEADERS: Record<ImportColumn, readonly string[]> = {
  istatCode: ["codice istat", "cod istat", "istat", "codice istat comune", "codice comune"],
  municipality: ["comune", "nome comune", "denominazione comune", "comune titolare", "ente locale"],
  managingBody: ["ente gestore", "ente", "gestore", "nome ente gestore", "denominazione ente gestore", "ragione sociale"],
  taxCode: [
    "codice fiscale",
    "partita iva",
    "p iva",
    "piva",
    "partita i v a",
    "p i v a",
    "cf",
    "c f",
    "codice fiscale partita iva",
    "cf piva",
    "cf p iva",
    "codice fiscale ente gestore",
    "partita iva ente gestore",
  ],
  category: ["categoria", "tipologia", "categoria progetto", "tipologia progetto", "tipo"],
  projectCode: ["codice progetto", "cod progetto", "codice", "id progetto", "numero progetto"],
  places: ["posti", "numero posti", "n posti", "posti finanziati", "posti attivi"],
};

/** Which column each header is, by position; unknown headers are ignored. The first of two alike wins. */
export function recogniseHeaders(headers: readonly string[]): Partial<Record<ImportColumn, number>> {
  return leftmostColumns(headers.map(foldWords), HEADERS);
}

/** What must be there: the municipality (by name or ISTAT code), the managing body, the category. */
export const REQUIRED_COLUMN_GROUPS = {
  comune: ["istatCode", "municipality"],
  ente: ["managingBody"],
  categoria: ["category"],
} as const satisfies Record<string, readonly ImportColumn[]>;

export type RequiredColumnGroup = keyof typeof REQUIRED_COLUMN_GROUPS;

export const REQUIRED_COLUMN_LABELS: Record<RequiredColumnGroup, string> = {
  comune: "«Comune» o «Codice ISTAT»",
  ente: "«Ente gestore»",
  categoria: "«Categoria»",
};

export function missingColumns(found: Partial<Record<ImportColumn, number>>): RequiredColumnGroup[] {
  return (Object.keys(REQUIRED_COLUMN_GROUPS) as RequiredColumnGroup[]).filter((group) =>
    REQUIRED_COLUMN_GROUPS[group].every((column) => found[column] === undefined),
  );
}

/** "Ordinari", "MSNA", "minori", "DM-DS", "DM DS", "disagio mentale"… → the category; null when unknown. */
export function parseCategory(value: string): SaiCategory | null {
  const words = foldWords(value);
  const compact = words.replace(/ /g, "");
  if (!compact) return null;
  if (compact.startsWith("ordinar") || compact === "ord") return "ORDINARI";
  if (compact.includes("msna") || words.startsWith("minori")) return "MSNA";
  if (["dmds", "dm", "ds"].includes(compact) || words.includes("disagio") || words.includes("disabil")) return "DM_DS";
  return null;
}
