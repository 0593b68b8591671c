"use server";
// The "Link di collegamento" page's writes: "Invia ora" and the moments of the
// scheduled sends. Guard first, then everything else.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { sendJoinLinkNow, updateJoinLinkOffsets, type JoinLinkSendFailure } from "./mutations";
import {
  describeOffset,
  meetingIdSchema,
  offsetsForm,
  offsetsFormValues,
  parseOffsets,
  sendNowForm,
  UNAVAILABLE_MESSAGES,
  type OffsetsRaw,
  type SendNowRaw,
} from "./schema";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

const NOT_FOUND = MEETING_NOT_FOUND;

const SEND_REFUSALS: Record<JoinLinkSendFailure, string> = {
  ...UNAVAILABLE_MESSAGES,
  NOT_FOUND,
  ALREADY_SENT: "Questo invio è già stato fatto: nessuna email è stata inviata di nuovo.",
  SEND_IN_PROGRESS: "Un invio del link è ancora in corso: attendi che sia completato prima di inviarlo di nuovo.",
  NO_RECIPIENTS: "Non ci sono iscritti confermati a cui inviare il link.",
};

function linkPage(meetingId: string) {
  return routes.dashboard.meeting(meetingId).joinLink();
}

export async function sendJoinLinkNowAction(
  meetingId: string,
  _state: FormState<SendNowRaw>,
  formData: FormData,
): Promise<FormState<SendNowRaw>> {
  const values = readForm(formData, sendNowForm);
  return runDashboardAction("send-join-link-now", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, NOT_FOUND);
    const result = await sendJoinLinkNow(db(), { actor: user, meetingId: id.data });
    if (!result.ok) return errorState(values, {}, SEND_REFUSALS[result.reason]);
    return {
      status: "success",
      message:
        `Link in invio a ${plural(result.recipients, "iscritto confermato", "iscritti confermati")}.`,
      values,
      revalidate: [linkPage(id.data)],
    };
  });
}

export async function updateJoinLinkOffsetsAction(
  meetingId: string,
  _state: FormState<OffsetsRaw>,
  formData: FormData,
): Promise<FormState<OffsetsRaw>> {
  const values = readForm(formData, offsetsForm);
  return runDashboardAction("update-join-link-offsets", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, NOT_FOUND);
    const parsed = parseOffsets(values);
    if (!parsed.ok) {
      return errorState(values, parsed.fieldErrors, parsed.formError ?? "Correggi gli orari indicati: non sono stati salvati.");
    }
    const result = await updateJoinLinkOffsets(db(), { actor: user, meetingId: id.data, offsets: parsed.offsets });
    if (!result.ok) return errorState(values, {}, NOT_FOUND);
    return {
      status: "success",
      message:
        result.offsets.length === 0
          ? "Nessun invio programmato: il link si invia solo con «Invia ora»."
          : `Invii programmati: ${result.offsets.map(describeOffset).join(", ")}.`,
      // The saved list, in order, with fresh blank rows: removed and duplicate rows are gone.
      values: offsetsFormValues(result.offsets),
      revalidate: [linkPage(id.data)],
    };
  });
}
