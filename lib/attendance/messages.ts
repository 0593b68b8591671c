// Addresses and Italian wording of the attendance pages.
import type { AttendancePlatform } from "@/lib/generated/prisma/enums";
import { MAX_REPORT_ROWS, PLATFORMS } from "./import/parse";
import { FILE_ERROR_CODES, TOO_LARGE_MESSAGE, uploadErrorQuery } from "@/lib/platform/files/limits";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";

export function attendancePath(meetingId: string): string {
  return routes.dashboard.meeting(meetingId).attendance();
}

export function attendanceImportPath(meetingId: string, importId: string): string {
  return routes.dashboard.meeting(meetingId).attendanceImport(importId);
}

export const PLATFORM_LABELS: Record<AttendancePlatform, string> = { ZOOM: "Zoom", TEAMS: "Microsoft Teams", MEET: "Google Meet" };

export function isPlatform(value: string): value is AttendancePlatform {
  return (PLATFORMS as readonly string[]).includes(value);
}

/** The upload's refusals as they travel in the address (?errore=…); anything else is ignored. */
export const UPLOAD_ERROR_CODES = [...FILE_ERROR_CODES, "UNRECOGNISED", "WRONG_PLATFORM", "NO_PARTICIPANTS"] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export function isUploadErrorCode(value: string): value is UploadErrorCode {
  return (UPLOAD_ERROR_CODES as readonly string[]).includes(value);
}

const EXPORTS = "il report dei partecipanti esportato da Zoom (Report › Utilizzo › Partecipanti), il report delle presenze di Microsoft Teams o il foglio delle presenze di Google Meet scaricato in CSV";

export function uploadErrorMessage(code: UploadErrorCode, platform?: AttendancePlatform): string {
  switch (code) {
    case "NO_FILE":
      return "Scegli il file del report da caricare.";
    case "EMPTY":
      return "Il file è vuoto.";
    case "TOO_LARGE":
      return TOO_LARGE_MESSAGE;
    case "FILE_TYPE":
      return "Il file non è un CSV: carica il report esportato in formato CSV (non Excel né PDF).";
    case "TOO_MANY_ROWS":
      return `Il file ha troppe righe: al massimo ${MAX_REPORT_ROWS.toLocaleString("it-IT")}.`;
    case "UNRECOGNISED":
      return `Il file non sembra un report dei partecipanti: non è stata trovata la tabella con i nomi e le durate. Carica ${EXPORTS}.`;
    case "WRONG_PLATFORM":
      return `Il file non ha il formato di ${platform ? PLATFORM_LABELS[platform] : "questa piattaforma"}: scegli «Riconosci automaticamente» o la piattaforma giusta.`;
    case "NO_PARTICIPANTS":
      return "Il report non contiene partecipanti: la tabella dei partecipanti è vuota.";
  }
}

export function uploadErrorHref(meetingId: string, error: { code: UploadErrorCode; platform?: AttendancePlatform }): string {
  const query = uploadErrorQuery(error.code, { piattaforma: error.platform });
  return `${attendancePath(meetingId)}?${query}#carica`;
}

export const APPLY_MESSAGES = {
  NOT_FOUND: "Importazione non trovata. Ricarica la pagina.",
  ALREADY_APPLIED: "Questa importazione è già stata applicata.",
  STALE_CHOICE: "Le iscrizioni sono cambiate nel frattempo: ricarica la pagina e scegli di nuovo. Non è stato applicato nulla.",
  CONFLICT: "Una presenza è stata registrata da qualcun altro nel frattempo: non è stato applicato nulla. Riprova.",
  MEETING_NOT_FOUND: "Questa convocazione non esiste più.",
} as const;

export const CORRECTION_MESSAGES = {
  NOT_FOUND: "Iscrizione non trovata. Ricarica la pagina.",
  CANCELLED: "L'iscrizione è stata annullata: la presenza non si registra.",
  CONFLICT: "La presenza è stata registrata da qualcun altro nel frattempo. Riprova.",
} as const;

export function minutesLabel(minutes: number | null): string {
  if (minutes === null) return "—";
  return plural(minutes, "minuto", "minuti");
}
