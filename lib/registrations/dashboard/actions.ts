"use server";
// The coordinators' operations on a meeting's registrations. Each reads the
// form (pure), then goes through the guard before anything else: an
// observer or an expired session is refused with nothing read or written.
import { db } from "@/lib/db";
import { runDashboardAction } from "@/lib/auth/guard";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm, zodFieldErrors } from "@/lib/platform/forms/form-data";
import { registrationSchema } from "../schema";
import { emptyBulk, emptyOnBehalf, onBehalfForm, readBulkForm, type BulkRaw, type OnBehalfRaw } from "./form-fields";
import { BULK_FAILURES, bulkSuccessMessage, fullMessage, onBehalfFailure } from "./messages";
import { cancelByCoordinator, confirmFromWaitingList, registerOnBehalf, resendPersonalLinks, setAttendance } from "./mutations";
import { bulkActionSchema, meetingIdSchema, type BulkActionInput } from "./schema";
import { routes } from "@/lib/routes";

const listPath = (meetingId: string) => routes.dashboard.meeting(meetingId).registrations();
const MEETING_NOT_FOUND = "Questa convocazione non esiste più.";

function runBulk(meetingId: string, actor: { id: string }, input: BulkActionInput) {
  const selection = { meetingId, ids: input.ids };
  switch (input.intent) {
    case "confirm":
      return confirmFromWaitingList(db(), { actor, ...selection, overCapacity: input.overCapacity });
    case "cancel":
      return cancelByCoordinator(db(), { actor, ...selection });
    case "resend":
      return resendPersonalLinks(db(), { actor, ...selection });
    case "present":
      return setAttendance(db(), { actor, ...selection, mark: "PRESENT" });
    case "absent":
      return setAttendance(db(), { actor, ...selection, mark: "ABSENT" });
    case "check-in":
      return setAttendance(db(), { actor, ...selection, mark: "CHECK_IN" });
  }
}

/**
 * The registrations table's form: the pressed button says what to do
 * ("cancel", or "cancel:<id>" for one row), the ticked rows say to whom.
 */
export async function registrationsBulkAction(
  meetingId: string,
  _state: FormState<BulkRaw>,
  formData: FormData,
): Promise<FormState<BulkRaw>> {
  const values = readBulkForm(formData);
  return runDashboardAction("registrations-bulk", "write", values, async (user) => {
    if (!meetingIdSchema.safeParse(meetingId).success) return errorState(values, {}, MEETING_NOT_FOUND);
    const parsed = bulkActionSchema.safeParse(values);
    if (!parsed.success) return errorState(values, {}, zodFieldErrors(parsed.error).formError ?? "Seleziona almeno un'iscrizione.");
    const result = await runBulk(meetingId, { id: user.id }, parsed.data);
    if (!result.ok) {
      const message = result.reason === "FULL" ? fullMessage(result.freeSeats, result.requested) : BULK_FAILURES[result.reason];
      return errorState(values, {}, message);
    }
    const promoted = (result as { promoted?: string[] }).promoted?.length ?? 0;
    return {
      status: "success",
      message: bulkSuccessMessage(parsed.data.intent, result.changed.length, result.skipped, promoted),
      ...(result.changed.length === 0 ? { tone: "info" as const } : {}),
      values: emptyBulk(),
      revalidate: [listPath(meetingId)],
    };
  });
}

/** A coordinator registers someone, who receives the confirmation with their personal link. */
export async function registerOnBehalfAction(
  meetingId: string,
  _state: FormState<OnBehalfRaw>,
  formData: FormData,
): Promise<FormState<OnBehalfRaw>> {
  const values = readForm(formData, onBehalfForm);
  return runDashboardAction("register-on-behalf", "write", values, async (user) => {
    if (!meetingIdSchema.safeParse(meetingId).success) return errorState(values, {}, MEETING_NOT_FOUND);
    const parsed = parseForm(registrationSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await registerOnBehalf(db(), { actor: { id: user.id }, meetingId, registration: parsed.data });
    if (!result.ok) {
      const { fieldErrors, formError } = onBehalfFailure(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    const name = `${parsed.data.firstName} ${parsed.data.lastName}`;
    const where = result.status === "CONFIRMED" ? "e confermata" : "in lista d'attesa (i posti sono esauriti)";
    return {
      status: "success",
      message: `Iscrizione di ${name} registrata ${where}: abbiamo inviato per email la conferma con il link personale. Puoi iscrivere un'altra persona.`,
      values: emptyOnBehalf(),
      revalidate: [listPath(meetingId)],
    };
  });
}
