"use server";
// The dashboard's invitation commands: resend, revoke, and a nomination
// entered for a registrant. Each goes through the guard before anything else.
import { z } from "zod";
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { inviteOnBehalf, resendInvitation, revokeInvitation } from "./mutations";
import {
  invitationCommandForm,
  inviteOnBehalfForm,
  inviteOnBehalfSchema,
  type InvitationCommandRaw,
  type InviteOnBehalfRaw,
} from "./schema";
import { routes } from "@/lib/routes";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

const NOT_FOUND = "Invito non trovato: forse è stato eliminato. Ricarica la pagina.";
const ALREADY_ANSWERED = "L'invitato ha già risposto a questo invito: non può essere modificato.";

const REFUSALS = {
  NOT_FOUND,
  ALREADY_ANSWERED,
  ALREADY_REVOKED: "L'invito era già stato revocato.",
  REGISTRATION_CLOSED: "Le iscrizioni all'incontro non sono aperte: l'invito non può essere accettato e non è stato inviato.",
  MEETING_NOT_FOUND,
} as const;

/** The pages showing invitations: the overall list and the meeting's. */
const invitationPaths = (meetingId?: string) => [routes.dashboard.invitations(), ...(meetingId ? [routes.dashboard.meeting(meetingId).invitations()] : [])];

const uuid = z.uuid();

export async function resendInvitationAction(
  invitationId: string,
  _state: FormState<InvitationCommandRaw>,
  formData: FormData,
): Promise<FormState<InvitationCommandRaw>> {
  const values = readForm(formData, invitationCommandForm);
  return runDashboardAction("resend-invitation", "write", values, async (user) => {
    if (!uuid.safeParse(invitationId).success) return errorState(values, {}, NOT_FOUND);
    const result = await resendInvitation(db(), { actor: user, invitationId });
    if (!result.ok) return errorState(values, {}, REFUSALS[result.reason]);
    return { status: "success", message: "Invito inviato di nuovo, con un nuovo link: il precedente non è più valido.", values, revalidate: invitationPaths(result.meetingId) };
  });
}

export async function revokeInvitationAction(
  invitationId: string,
  _state: FormState<InvitationCommandRaw>,
  formData: FormData,
): Promise<FormState<InvitationCommandRaw>> {
  const values = readForm(formData, invitationCommandForm);
  return runDashboardAction("revoke-invitation", "write", values, async (user) => {
    if (!uuid.safeParse(invitationId).success) return errorState(values, {}, NOT_FOUND);
    const result = await revokeInvitation(db(), { actor: user, invitationId });
    if (!result.ok) return errorState(values, {}, REFUSALS[result.reason]);
    return { status: "success", message: "Invito revocato: il link non funziona più.", values, revalidate: invitationPaths(result.meetingId) };
  });
}

const ON_BEHALF_REFUSALS = {
  MEETING_NOT_FOUND: { formError: REFUSALS.MEETING_NOT_FOUND },
  REGISTRATION_CLOSED: { formError: REFUSALS.REGISTRATION_CLOSED },
  INVITER_NOT_FOUND: { fieldErrors: { registrationId: "Scegli chi invita, tra gli iscritti all'incontro" } },
  MUNICIPALITY_NOT_FOUND: { fieldErrors: { municipalityId: "Scegli il Comune dall'elenco" } },
  SELF_INVITATION: { fieldErrors: { email: "È l'indirizzo di chi invita: indica quello del rappresentante dell'ente gestore" } },
  ALREADY_INVITED: {
    fieldErrors: { email: "Questo indirizzo è già stato invitato all'incontro: puoi inviare di nuovo l'invito dall'elenco" },
  },
} as const;

export async function inviteOnBehalfAction(
  meetingId: string,
  _state: FormState<InviteOnBehalfRaw>,
  formData: FormData,
): Promise<FormState<InviteOnBehalfRaw>> {
  const values = readForm(formData, inviteOnBehalfForm);
  return runDashboardAction("invite-on-behalf", "write", values, async (user) => {
    if (!uuid.safeParse(meetingId).success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const parsed = parseForm(inviteOnBehalfSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const { registrationId, municipalityId, ...nominee } = parsed.data;
    const result = await inviteOnBehalf(db(), { actor: user, meetingId, registrationId, municipalityId, nominee });
    if (!result.ok) {
      const refusal: { fieldErrors?: Record<string, string>; formError?: string } = ON_BEHALF_REFUSALS[result.reason];
      return errorState(values, refusal.fieldErrors ?? {}, refusal.formError);
    }
    return {
      status: "success",
      message: `Invito inviato a ${nominee.firstName} ${nominee.lastName} (${nominee.email}).`,
      values: { ...values, firstName: "", lastName: "", email: "", managingBodyName: "" },
      revalidate: invitationPaths(meetingId),
    };
  });
}
