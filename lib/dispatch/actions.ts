"use server";
// The dispatch page's writes: "Invia la convocazione" to the confirmed
// audiences, and the convocation to a Comune's PEC where its referents'
// emails bounced. Guard first, then everything else.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { plural, pluralForm } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { DISPATCH_REFUSALS } from "./labels";
import { sendConvocation, sendConvocationToMunicipalityPec } from "./mutations";
import {
  meetingIdSchema,
  sendConvocationForm,
  sendConvocationSchema,
  sendToPecForm,
  sendToPecSchema,
  type SendConvocationRaw,
  type SendToPecRaw,
} from "./schema";

const PEC_REFUSALS = {
  MEETING_NOT_FOUND: DISPATCH_REFUSALS.MEETING_NOT_FOUND,
  NOT_PUBLISHED: DISPATCH_REFUSALS.NOT_PUBLISHED,
  MEETING_OVER: DISPATCH_REFUSALS.MEETING_OVER,
  MUNICIPALITY_NOT_FOUND: "Comune non trovato.",
  NO_PEC: "Il Comune non ha una PEC: aggiungila dalla pagina del Comune.",
  ALREADY_REACHED: "La convocazione è già stata inviata alla PEC di questo Comune.",
} as const;

function sentMessage({ pec, email }: { pec: number; email: number }, alreadyReached: number): string {
  const parts = [pec > 0 ? `${plural(pec, "PEC", "PEC")} ai Comuni` : null, email > 0 ? plural(email, "email", "email") : null].filter(Boolean);
  const already =
    alreadyReached > 0
      ? ` ${plural(alreadyReached, "destinatario l'aveva", "destinatari l'avevano")} già ricevuta e ${pluralForm(alreadyReached, { one: "non la riceve", other: "non la ricevono" })} di nuovo.`
      : "";
  if (parts.length === 0) return `Nessun nuovo destinatario: la convocazione non è stata inviata di nuovo.${already}`;
  return `Convocazione in invio: ${parts.join(" e ")}.${already}`;
}

export async function sendConvocationAction(
  meetingId: string,
  _state: FormState<SendConvocationRaw>,
  formData: FormData,
): Promise<FormState<SendConvocationRaw>> {
  const values = readForm(formData, sendConvocationForm);
  return runDashboardAction("send-convocation", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, DISPATCH_REFUSALS.MEETING_NOT_FOUND);
    const input = sendConvocationSchema.safeParse(values);
    if (!input.success) return errorState(values, {}, input.error.issues[0]?.message ?? DISPATCH_REFUSALS.NO_AUDIENCE);
    const result = await sendConvocation(db(), { actor: user, meetingId: id.data, ...input.data });
    if (!result.ok) {
      const now = result.reason === "COUNT_CHANGED" ? ` Ora sono ${result.recipients}.` : "";
      return errorState(values, {}, `${DISPATCH_REFUSALS[result.reason]}${now}`);
    }
    return {
      status: "success",
      message: sentMessage(result.sent, result.alreadyReached),
      values,
      revalidate: [routes.dashboard.meeting(id.data).dispatch(), routes.dashboard.meeting(id.data).page()],
    };
  });
}

export async function sendConvocationToPecAction(
  meetingId: string,
  _state: FormState<SendToPecRaw>,
  formData: FormData,
): Promise<FormState<SendToPecRaw>> {
  const values = readForm(formData, sendToPecForm);
  return runDashboardAction("send-convocation-to-pec", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, DISPATCH_REFUSALS.MEETING_NOT_FOUND);
    const input = sendToPecSchema.safeParse(values);
    if (!input.success) return errorState(values, {}, PEC_REFUSALS.MUNICIPALITY_NOT_FOUND);
    const result = await sendConvocationToMunicipalityPec(db(), { actor: user, meetingId: id.data, municipalityId: input.data.municipalityId });
    if (!result.ok) return errorState(values, {}, PEC_REFUSALS[result.reason]);
    return {
      status: "success",
      message: `Convocazione in invio alla PEC ${result.address}.`,
      values,
      revalidate: [routes.dashboard.meeting(id.data).dispatch()],
    };
  });
}
