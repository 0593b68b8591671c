"use server";
// The dashboard's convocation forms. Each reads what was submitted, then goes
// straight through the guard (session and "write" permission) before anything
// else; the body parses with the shared schema and calls one mutation.
import { z } from "zod";
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { plural } from "@/lib/platform/format/plural";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { cancelMeetingForm, meetingForm, meetingStatusForm, type CancelMeetingRaw, type MeetingFormRaw, type MeetingStatusRaw } from "./form";
import { cancelMeetingSchema, meetingSchema } from "./schema";
import { meetingFailureErrors, type MeetingOperation, type MeetingOutcome } from "./admin-messages";
import { archiveMeeting, cancelMeeting, createMeeting, duplicateMeeting, publishMeeting, unpublishMeeting, updateMeeting } from "./mutations";
import { routes } from "@/lib/routes";

const LIST_PATH = routes.dashboard.meetings();
const meetingPath = (id: string) => routes.dashboard.meeting(id).page();

/** Everything that shows the meeting: the dashboard's pages, the home lists and its public page. */
function affectedPaths(id: string, slug?: string): string[] {
  return [LIST_PATH, meetingPath(id), routes.dashboard.meeting(id).edit(), routes.home(), ...(slug ? [routes.public.meeting(slug).page()] : [])];
}

// The id comes bound from the page, but a forged request can send anything.
const isMeetingId = (value: unknown): value is string => typeof value === "string" && z.uuid().safeParse(value).success;

function refused<Values>(values: Values, operation: MeetingOperation, reason: Parameters<typeof meetingFailureErrors>[1]): FormState<Values> {
  const { fieldErrors, formError } = meetingFailureErrors(operation, reason);
  return errorState(values, fieldErrors, formError);
}

const toOutcome = (id: string, outcome: MeetingOutcome, slug?: string) =>
  ({ status: "redirect", to: `${meetingPath(id)}?esito=${outcome}`, revalidate: affectedPaths(id, slug) }) as const;

export async function createMeetingAction(_state: FormState<MeetingFormRaw>, formData: FormData): Promise<FormState<MeetingFormRaw>> {
  const values = readForm(formData, meetingForm);
  return runDashboardAction("create-meeting", "write", values, async (user) => {
    const parsed = parseForm(meetingSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await createMeeting(db(), { actor: { id: user.id }, ...parsed.data });
    if (!result.ok) return refused(values, "create", result.reason);
    return toOutcome(result.id, "creata");
  });
}

export async function updateMeetingAction(
  meetingId: string,
  _state: FormState<MeetingFormRaw>,
  formData: FormData,
): Promise<FormState<MeetingFormRaw>> {
  const values = readForm(formData, meetingForm);
  return runDashboardAction("update-meeting", "write", values, async (user) => {
    if (!isMeetingId(meetingId)) return refused(values, "update", "NOT_FOUND");
    const parsed = parseForm(meetingSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await updateMeeting(db(), { actor: { id: user.id }, id: meetingId, ...parsed.data, options: { expectedVersion: values.version || null } });
    // Stale: the form keeps what was typed and takes the current version, so saving again overwrites knowingly.
    if (!result.ok) return refused(result.reason === "STALE" ? { ...values, version: result.version } : values, "update", result.reason);
    const promoted =
      result.promoted > 0
        ? ` ${plural(result.promoted, "persona in lista d'attesa ha ottenuto un posto ed è stata avvisata", "persone in lista d'attesa hanno ottenuto un posto e sono state avvisate")}.`
        : "";
    const resent = result.joinLinkQueued > 0 ? ` Il nuovo link è in invio a ${plural(result.joinLinkQueued, "persona", "persone")}.` : "";
    return {
      status: "success",
      message: `Modifiche salvate.${resent}${promoted}`,
      values: { ...values, slug: result.slug, version: result.version },
      revalidate: affectedPaths(meetingId, result.slug),
    };
  });
}

export async function publishMeetingAction(
  meetingId: string,
  _state: FormState<MeetingStatusRaw>,
  formData: FormData,
): Promise<FormState<MeetingStatusRaw>> {
  const values = readForm(formData, meetingStatusForm);
  return runDashboardAction("publish-meeting", "write", values, async (user) => {
    if (!isMeetingId(meetingId)) return refused(values, "publish", "NOT_FOUND");
    const result = await publishMeeting(db(), { actor: { id: user.id }, id: meetingId });
    if (!result.ok) return refused(values, "publish", result.reason);
    return toOutcome(meetingId, "pubblicata", result.slug);
  });
}

export async function unpublishMeetingAction(
  meetingId: string,
  _state: FormState<MeetingStatusRaw>,
  formData: FormData,
): Promise<FormState<MeetingStatusRaw>> {
  const values = readForm(formData, meetingStatusForm);
  return runDashboardAction("unpublish-meeting", "write", values, async (user) => {
    if (!isMeetingId(meetingId)) return refused(values, "unpublish", "NOT_FOUND");
    const result = await unpublishMeeting(db(), { actor: { id: user.id }, id: meetingId });
    if (!result.ok) return refused(values, "unpublish", result.reason);
    return toOutcome(meetingId, "ritirata", result.slug);
  });
}

export async function duplicateMeetingAction(
  meetingId: string,
  _state: FormState<MeetingStatusRaw>,
  formData: FormData,
): Promise<FormState<MeetingStatusRaw>> {
  const values = readForm(formData, meetingStatusForm);
  return runDashboardAction("duplicate-meeting", "write", values, async (user) => {
    if (!isMeetingId(meetingId)) return refused(values, "duplicate", "NOT_FOUND");
    const result = await duplicateMeeting(db(), { actor: { id: user.id }, id: meetingId });
    if (!result.ok) return refused(values, "duplicate", result.reason);
    return toOutcome(result.id, "duplicata");
  });
}

export async function cancelMeetingAction(
  meetingId: string,
  _state: FormState<CancelMeetingRaw>,
  formData: FormData,
): Promise<FormState<CancelMeetingRaw>> {
  const values = readForm(formData, cancelMeetingForm);
  return runDashboardAction("cancel-meeting", "write", values, async (user) => {
    if (!isMeetingId(meetingId)) return refused(values, "cancel", "NOT_FOUND");
    const parsed = parseForm(cancelMeetingSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await cancelMeeting(db(), { actor: { id: user.id }, id: meetingId, reason: parsed.data.reason });
    if (!result.ok) return refused(values, "cancel", result.reason);
    return toOutcome(meetingId, "annullata", result.slug);
  });
}

export async function archiveMeetingAction(
  meetingId: string,
  _state: FormState<MeetingStatusRaw>,
  formData: FormData,
): Promise<FormState<MeetingStatusRaw>> {
  const values = readForm(formData, meetingStatusForm);
  return runDashboardAction("archive-meeting", "write", values, async (user) => {
    if (!isMeetingId(meetingId)) return refused(values, "archive", "NOT_FOUND");
    const result = await archiveMeeting(db(), { actor: { id: user.id }, id: meetingId });
    if (!result.ok) return refused(values, "archive", result.reason);
    return toOutcome(meetingId, "archiviata", result.slug);
  });
}
