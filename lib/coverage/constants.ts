// Shared by the reminder mutation (which skips who was reminded recently)
// and the progress query (which counts what that click sent).

export const COVERAGE_REMINDER_TEMPLATE = "coverage-reminder" as const;

/** A referent reminded about a meeting is not reminded again about it for this long. */
export const REMINDER_WINDOW_MS = 24 * 3600_000;

export const REMINDER_WINDOW_LABEL = "24 ore";

/** Why a full meeting offers no reminders: they would only fill the waiting list. */
export const FULL_MEETING_NOTICE = "I posti sono esauriti: i promemoria non vengono inviati, chi si iscrive ora entra in lista d'attesa.";
