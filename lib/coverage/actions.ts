"use server";
// The coverage page's one write: remind the referents of the SAI
// municipalities that have not registered. Guard first, then everything else.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { FULL_MEETING_NOTICE, REMINDER_WINDOW_LABEL } from "./constants";
import { sendCoverageReminders } from "./mutations";
import { meetingIdSchema, sendRemindersForm, type SendRemindersRaw } from "./schema";
import { plural, pluralForm } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

const REFUSALS = {
  MEETING_NOT_FOUND,
  REGISTRATION_NOT_OPEN: "Le iscrizioni a questa convocazione non sono aperte: i promemoria non sono stati inviati.",
  MEETING_FULL: FULL_MEETING_NOTICE,
} as const;

function sentMessage(sent: number, skipped: number): string {
  const already =
    skipped === 0
      ? ""
      : ` ${plural(skipped, "referente aveva", "referenti avevano")} già ricevuto un promemoria nelle ultime ${REMINDER_WINDOW_LABEL} e ${pluralForm(skipped, { one: "non lo riceve", other: "non lo ricevono" })} di nuovo.`;
  if (sent === 0) return `Nessun nuovo promemoria da inviare.${already}`;
  return `Promemoria in invio a ${plural(sent, "referente", "referenti")}.${already}`;
}

export async function sendCoverageRemindersAction(
  meetingId: string,
  _state: FormState<SendRemindersRaw>,
  formData: FormData,
): Promise<FormState<SendRemindersRaw>> {
  const values = readForm(formData, sendRemindersForm);
  return runDashboardAction("send-coverage-reminders", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const result = await sendCoverageReminders(db(), { actor: user, meetingId: id.data });
    if (!result.ok) return errorState(values, {}, REFUSALS[result.reason]);
    return {
      status: "success",
      message: sentMessage(result.sent, result.skipped),
      values,
      revalidate: [routes.dashboard.meeting(id.data).coverage()],
    };
  });
}
