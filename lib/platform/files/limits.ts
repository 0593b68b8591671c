// What an upload may be: the same for every import (a participants report, a
// SAI projects list). lib/platform/http/refusals.ts lets an upload's body through up
// to the file's limit plus the framing; the upload handler checks both again.
import type { ZipLimits } from "./zip";

/** The largest file an import reads. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Multipart framing around the file (boundaries, field names, a platform's choice): generous, the file's own size is checked again. */
export const UPLOAD_FRAMING_BYTES = 64 * 1024;
/**
 * What an .xlsx may unpack to before exceljs holds it all in memory: a list
 * of 5,000 projects (npm run bench:import's) is 214 KB zipped and 1.7 MB
 * unpacked, measured in 9 ms (lib/platform/files/zip.test.ts reads the same list).
 */
export const XLSX_LIMITS: ZipLimits = { maxBytes: 64 * 1024 * 1024, maxEntries: 1000 };

/** "Il file è troppo grande: al massimo 2 MB.": what every import says of a file over the limit. */
export const TOO_LARGE_MESSAGE = `Il file è troppo grande: al massimo ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`;

/** What the upload handler itself refuses, before an import's parse step sees the file. */
export type UploadRefusal = { code: "NO_FILE" } | { code: "TOO_LARGE" };

/** The refusals every import shares, as they travel in the address (?errore=…); each import adds its own. */
export const FILE_ERROR_CODES = ["NO_FILE", "EMPTY", "FILE_TYPE", "TOO_LARGE", "TOO_MANY_ROWS"] as const;

/** The address's query for a refused file: ?errore=CODE and whatever the import's page needs to word it. */
export function uploadErrorQuery(code: string, details: Record<string, string | undefined> = {}): URLSearchParams {
  const query = new URLSearchParams({ errore: code });
  for (const [name, value] of Object.entries(details)) if (value) query.set(name, value);
  return query;
}
