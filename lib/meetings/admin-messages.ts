// What a coordinator reads when a change to a convocation is refused, and
// after one succeeds. The reasons are the mutations' typed failures.
import type { FieldErrors } from "@/lib/platform/forms/action-state";
import type {
  ArchiveFailure,
  CancelMeetingFailure,
  PublishFailure,
  UnpublishFailure,
  UpdateMeetingFailure,
} from "./mutations";

export type MeetingOperation = "create" | "update" | "publish" | "unpublish" | "cancel" | "archive" | "duplicate";

type Reason = UpdateMeetingFailure | PublishFailure | UnpublishFailure | CancelMeetingFailure | ArchiveFailure | "NOT_FOUND";

const SLUG_MESSAGES: Partial<Record<Reason, string>> = {
  SLUG_TAKEN: "Questo indirizzo è già usato da un'altra convocazione: scegline un altro.",
  SLUG_LOCKED:
    "L'indirizzo di una convocazione pubblicata non si può cambiare: i link già inviati per email smetterebbero di funzionare.",
};

const COMMON: Partial<Record<Reason, string>> = {
  NOT_FOUND: "La convocazione non esiste più: forse è stata eliminata.",
  MEETING_CANCELLED: "La convocazione è stata annullata: non si può più modificare né pubblicare.",
  MEETING_ARCHIVED: "La convocazione è archiviata: non si può più modificare né pubblicare.",
  ALREADY_PUBLISHED: "La convocazione è già pubblicata.",
  ALREADY_CANCELLED: "La convocazione è già stata annullata.",
  ALREADY_ARCHIVED: "La convocazione è già archiviata.",
  HAS_REGISTRATIONS:
    "Ci sono già persone iscritte: per non lasciarle senza avviso, annulla la convocazione invece di riportarla in bozza.",
  MEETING_ENDED: "L'incontro si è già svolto: non si può annullare. Puoi archiviarlo.",
  MEETING_NOT_ENDED: "L'incontro non si è ancora svolto: si archivia dopo la fine. Se non si terrà, annullalo.",
  DATES_PENDING: "Indica data e ora di inizio e di fine della copia (in «Modifica») prima di pubblicarla.",
  STARTS_IN_PAST: "L'inizio dell'incontro è già passato: aggiorna data e ora in «Modifica» prima di pubblicarla.",
  TITLE_IS_COPY: "Il titolo finisce ancora con «(copia)»: dai alla convocazione il suo titolo in «Modifica» prima di pubblicarla.",
  STALE:
    "Nel frattempo qualcun altro ha modificato questa convocazione: le tue modifiche non sono state salvate e restano qui sotto. Apri il riepilogo in un'altra scheda per vedere la versione attuale; se salvi di nuovo, le tue modifiche la sostituiranno.",
};

const NOT_PUBLISHED: Partial<Record<MeetingOperation, string>> = {
  unpublish: "La convocazione è già una bozza.",
  cancel: "Una bozza non si annulla: non è pubblica e nessuno può iscriversi.",
  archive: "Una bozza non si archivia: archiviandola diventerebbe pubblica.",
};

/** The refusal as the form shows it: next to the address field, or at the top of the form. */
export function meetingFailureErrors(operation: MeetingOperation, reason: Reason): { fieldErrors: FieldErrors; formError?: string } {
  const slug = SLUG_MESSAGES[reason];
  if (slug) return { fieldErrors: { slug } };
  const message =
    reason === "NOT_PUBLISHED" ? NOT_PUBLISHED[operation] : COMMON[reason];
  return { fieldErrors: {}, formError: message ?? "Non è stato possibile completare l'operazione." };
}

/** The outcome shown on the meeting's page after a change that leads there (?esito=…). */
export const MEETING_OUTCOMES = {
  creata: "Convocazione creata come bozza: non è visibile al pubblico finché non la pubblichi.",
  duplicata: "Copia creata come bozza: controlla titolo, date e link prima di pubblicarla.",
  pubblicata: "Convocazione pubblicata: ora è visibile a tutti e, nella finestra prevista, accetta iscrizioni.",
  ritirata: "La convocazione è tornata bozza: non è più visibile al pubblico.",
  annullata: "Convocazione annullata: la pagina pubblica lo segnala e ogni persona iscritta riceverà un'email.",
  archiviata: "Convocazione archiviata.",
} as const;

export type MeetingOutcome = keyof typeof MEETING_OUTCOMES;

export function meetingOutcome(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(MEETING_OUTCOMES, value) ? MEETING_OUTCOMES[value as MeetingOutcome] : null;
}
