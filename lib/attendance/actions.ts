"use server";
// The attendance pages' writes: applying an uploaded report, and correcting
// one registrant by hand. Uploading is a route handler (presenze/carica: a
// file of up to 2 MB is past what a server action accepts). Each action
// reads its form (pure), then goes through the guard before anything else.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { applyAttendanceImport } from "./import/mutations";
import { correctAttendance } from "./manual/mutations";
import { APPLY_MESSAGES, attendanceImportPath, attendancePath, CORRECTION_MESSAGES, minutesLabel } from "./messages";
import { applySchema, attendanceIdSchema, correctionForm, correctionSchema, readApplyForm, type ApplyRaw, type CorrectionRaw } from "./schema";
import { routes } from "@/lib/routes";

const validIds = (...ids: unknown[]) => ids.every((id) => attendanceIdSchema.safeParse(id).success);

export async function applyAttendanceImportAction(
  meetingId: string,
  importId: string,
  _state: FormState<ApplyRaw>,
  formData: FormData,
): Promise<FormState<ApplyRaw>> {
  const values = readApplyForm(formData);
  return runDashboardAction("apply-attendance-import", "write", values, async (user) => {
    if (!validIds(meetingId, importId)) return errorState(values, {}, APPLY_MESSAGES.NOT_FOUND);
    const parsed = applySchema.safeParse(values);
    if (!parsed.success) return errorState(values, {}, APPLY_MESSAGES.STALE_CHOICE);
    const result = await applyAttendanceImport(db(), { actor: { id: user.id }, meetingId, importId, ...parsed.data });
    if (!result.ok) return errorState(values, {}, APPLY_MESSAGES[result.reason]);
    return {
      status: "redirect",
      to: `${attendancePath(meetingId)}?applicata=${importId}`,
      revalidate: [attendancePath(meetingId), attendanceImportPath(meetingId, importId), routes.dashboard.meeting(meetingId).registrations()],
    };
  });
}

export async function correctAttendanceAction(
  meetingId: string,
  registrationId: string,
  _state: FormState<CorrectionRaw>,
  formData: FormData,
): Promise<FormState<CorrectionRaw>> {
  const values = readForm(formData, correctionForm);
  return runDashboardAction("correct-attendance", "write", values, async (user) => {
    if (!validIds(meetingId, registrationId)) return errorState(values, {}, CORRECTION_MESSAGES.NOT_FOUND);
    const parsed = parseForm(correctionSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await correctAttendance(db(), { actor: { id: user.id }, meetingId, registrationId, ...parsed.data });
    if (!result.ok) return errorState(values, {}, CORRECTION_MESSAGES[result.reason]);
    const what = parsed.data.status === "ABSENT" ? "assente" : parsed.data.minutes === null ? "presente" : `presente, ${minutesLabel(parsed.data.minutes)}`;
    return {
      status: "success",
      message: result.changed ? `Registrato: ${what}.` : `Nessun cambiamento: era già registrato ${what}.`,
      values: { status: parsed.data.status, minutes: parsed.data.minutes === null ? "" : String(parsed.data.minutes) },
      revalidate: [attendancePath(meetingId), routes.dashboard.meeting(meetingId).registrations()],
    };
  });
}
