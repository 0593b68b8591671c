// What the import pages say about a file refused as a whole, and about applying.
import { FILE_ERROR_CODES, TOO_LARGE_MESSAGE, uploadErrorQuery, type UploadRefusal } from "@/lib/platform/files/limits";
import { plural } from "@/lib/platform/format/plural";
import { REQUIRED_COLUMN_LABELS, type RequiredColumnGroup } from "./columns";
import { MAX_IMPORT_ROWS, type ImportFileError } from "./parse";
import { routes } from "@/lib/routes";

export const IMPORT_PATH = routes.dashboard.saiImports();

export function importPath(id: string): string {
  return routes.dashboard.saiImport(id);
}

/** The upload's outcome codes as they travel in the address (?errore=…); anything else is ignored. */
export const UPLOAD_ERROR_CODES = [...FILE_ERROR_CODES, "TOO_LARGE_UNPACKED", "UNREADABLE", "UNCLOSED_QUOTE", "MISSING_COLUMNS"] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export function isUploadErrorCode(value: string): value is UploadErrorCode {
  return (UPLOAD_ERROR_CODES as readonly string[]).includes(value);
}

const MESSAGES: Record<Exclude<UploadErrorCode, "MISSING_COLUMNS">, string> = {
  NO_FILE: "Scegli il file da caricare.",
  EMPTY: "Il file è vuoto: servono una riga di intestazione e almeno una riga di dati.",
  FILE_TYPE: "Tipo di file non accettato: carica un file CSV (.csv) o Excel (.xlsx).",
  TOO_LARGE: TOO_LARGE_MESSAGE,
  TOO_LARGE_UNPACKED: "Il file Excel, una volta aperto, è troppo grande (oltre 64 MB di dati): dividilo in più file o caricalo come CSV.",
  TOO_MANY_ROWS: `Il file ha troppe righe: al massimo ${MAX_IMPORT_ROWS.toLocaleString("it-IT")}. Dividilo in più file.`,
  UNREADABLE: "Il file Excel non si riesce a leggere: aprilo e salvalo di nuovo come .xlsx.",
  UNCLOSED_QUOTE: "Nel file CSV delle virgolette si aprono e non si chiudono più: controlla i campi tra virgolette e salvalo di nuovo.",
};

export function uploadErrorMessage(code: UploadErrorCode, missing: readonly RequiredColumnGroup[] = []): string {
  if (code !== "MISSING_COLUMNS") return MESSAGES[code];
  const names = missing.map((group) => REQUIRED_COLUMN_LABELS[group]);
  return names.length > 0
    ? `Mancano colonne necessarie: ${names.join(", ")}. Controlla la riga di intestazione (la prima del file).`
    : "Mancano colonne necessarie: controlla la riga di intestazione (la prima del file).";
}

/** The address the upload goes back to when the file is refused. */
export function uploadErrorHref(error: ImportFileError | UploadRefusal): string {
  const query = uploadErrorQuery(error.code, { mancano: error.code === "MISSING_COLUMNS" ? error.missing.join(",") : undefined });
  return `${IMPORT_PATH}?${query}`;
}

export const APPLY_MESSAGES = {
  NOT_FOUND: "Importazione non trovata. Ricarica la pagina.",
  ALREADY_APPLIED: "Questa importazione è già stata applicata.",
  CONFLICT: "Un ente gestore è stato modificato da qualcun altro nel frattempo: non è stato applicato nulla. Riprova.",
} as const;

const list = new Intl.ListFormat("it", { type: "conjunction" });

/** What applying changed, counted in words: "2 progetti creati e 3 Comuni segnati come aderenti al SAI." */
export function appliedChangesMessage(summary: { created: number; updated: number; bodiesCreated: number; municipalitiesMarked: readonly string[] }): string {
  const parts = [
    summary.created > 0 ? plural(summary.created, "progetto creato", "progetti creati") : null,
    summary.updated > 0 ? plural(summary.updated, "progetto aggiornato", "progetti aggiornati") : null,
    summary.bodiesCreated > 0 ? plural(summary.bodiesCreated, "ente gestore creato", "enti gestori creati") : null,
    summary.municipalitiesMarked.length > 0
      ? plural(summary.municipalitiesMarked.length, "Comune segnato come aderente al SAI", "Comuni segnati come aderenti al SAI")
      : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? "Non ha cambiato nulla." : `${list.format(parts)}.`.replace(/^./, (first) => first.toUpperCase());
}
