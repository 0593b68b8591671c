// What the IndicePA import says of a file refused as a whole.
import { uploadErrorQuery } from "@/lib/platform/files/limits";
import { routes } from "@/lib/routes";
import { REQUIRED_COLUMN_LABELS, type RequiredColumnGroup } from "./columns";
import { MAX_INDICEPA_BYTES, MAX_INDICEPA_RECORDS } from "./limits";

export type IndicePaRefusalCode = "EMPTY" | "FILE_TYPE" | "TOO_LARGE" | "TOO_MANY_ROWS" | "UNCLOSED_QUOTE" | "MISSING_COLUMNS" | "NO_SICILIAN_COMUNI";

const MESSAGES: Record<Exclude<IndicePaRefusalCode, "MISSING_COLUMNS">, string> = {
  EMPTY: "Il file è vuoto: servono la riga di intestazione dell'elenco «Enti» di IndicePA e almeno una riga di dati.",
  FILE_TYPE: "Tipo di file non accettato: carica l'elenco «Enti» di IndicePA in formato CSV (enti.csv), non Excel o PDF.",
  TOO_LARGE: `Il file è troppo grande: al massimo ${MAX_INDICEPA_BYTES / (1024 * 1024)} MB.`,
  TOO_MANY_ROWS: `Il file ha troppe righe: al massimo ${MAX_INDICEPA_RECORDS.toLocaleString("it-IT")}.`,
  UNCLOSED_QUOTE: "Nel file CSV delle virgolette si aprono e non si chiudono più: scarica di nuovo l'elenco da IndicePA.",
  NO_SICILIAN_COMUNI: "Il file non contiene nessun Comune siciliano: controlla di aver scaricato l'elenco «Enti» di IndicePA (non quello delle unità organizzative o delle AOO).",
};

export function refusalMessage(code: IndicePaRefusalCode, missing: readonly RequiredColumnGroup[] = []): string {
  if (code !== "MISSING_COLUMNS") return MESSAGES[code];
  const names = missing.map((group) => REQUIRED_COLUMN_LABELS[group]);
  return names.length > 0
    ? `Mancano colonne necessarie: ${names.join(", ")}. Il file deve essere l'elenco «Enti» di IndicePA, con la sua riga di intestazione.`
    : "Mancano colonne necessarie: il file deve essere l'elenco «Enti» di IndicePA, con la sua riga di intestazione.";
}

/** A refusal as it travels in the upload page's address (?errore=…&mancano=…); anything else is ignored. */
export const UPLOAD_ERROR_CODES = ["NO_FILE", "EMPTY", "FILE_TYPE", "TOO_LARGE", "TOO_MANY_ROWS", "UNCLOSED_QUOTE", "MISSING_COLUMNS", "NO_SICILIAN_COMUNI"] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export function isUploadErrorCode(value: string): value is UploadErrorCode {
  return (UPLOAD_ERROR_CODES as readonly string[]).includes(value);
}

export function uploadErrorMessage(code: UploadErrorCode, missing: readonly RequiredColumnGroup[] = []): string {
  return code === "NO_FILE" ? "Scegli il file da caricare: l'elenco «Enti» di IndicePA (enti.csv)." : refusalMessage(code, missing);
}

/** The upload page's address with the reason a file was refused. */
export function uploadErrorHref(refusal: { code: UploadErrorCode; missing?: readonly RequiredColumnGroup[] }): string {
  const query = uploadErrorQuery(refusal.code, { mancano: refusal.code === "MISSING_COLUMNS" ? refusal.missing?.join(",") : undefined });
  return `${routes.dashboard.pecImports()}?${query}`;
}

export const APPLY_MESSAGES = {
  NOT_FOUND: "Importazione non trovata: ricarica la pagina.",
  ALREADY_APPLIED: "Questa importazione è già stata applicata.",
  STALE: "Dopo questo caricamento è stato applicato un elenco più recente: carica di nuovo l'elenco aggiornato da IndicePA.",
} as const;

/** The dataset's page in IndicePA's open data, where the list is downloaded. */
export const INDICEPA_DATASET_URL = "https://www.indicepa.gov.it/ipa-dati/dataset/enti";
