"use server";
// Answering an invitation from its link. The link is locked to the invited
// address: the email is always the invitation's, never the submitted one.
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { honeypotFilled, publicWriteAllowed } from "@/lib/platform/forms/public-write";
import { runFormAction } from "@/lib/platform/forms/run-action";
import { RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import {
  acceptInvitationForm,
  declineInvitationForm,
  type AcceptInvitationRaw,
  type DeclineInvitationRaw,
} from "@/lib/registrations/form-fields";
import { failureErrors, HONEYPOT_MESSAGE, LINK_MESSAGES } from "@/lib/registrations/messages";
import { acceptInvitation } from "@/lib/registrations/mutations";
import { registrationSchema } from "@/lib/registrations/schema";
import { declineInvitation } from "./mutations";
import { getInvitationByToken, type InvitationView } from "./queries";
import { routes } from "@/lib/routes";

const ALREADY_REGISTERED =
  "La tua iscrizione a questo incontro c'è già: ti abbiamo inviato di nuovo il link personale per gestire l'iscrizione.";

const STATE_MESSAGES = {
  accepted: "Hai già accettato questo invito.",
  declined: "Hai già comunicato che non potrai partecipare.",
  expired: LINK_MESSAGES.LINK_EXPIRED,
} as const;

/** The invitation if it can still be answered (a declined one can still be accepted), else why not. */
async function openInvitation(
  token: string,
  { reopenDeclined = false } = {},
): Promise<{ ok: true; view: InvitationView } | { ok: false; message: string }> {
  const view = await getInvitationByToken(db(), { token });
  if (!view) return { ok: false, message: LINK_MESSAGES.LINK_INVALID };
  if (view.state === "declined" && reopenDeclined) return { ok: true, view };
  if (view.state !== "open") return { ok: false, message: STATE_MESSAGES[view.state] };
  return { ok: true, view };
}

export async function acceptInvitationAction(
  token: string,
  _state: FormState<AcceptInvitationRaw>,
  formData: FormData,
): Promise<FormState<AcceptInvitationRaw>> {
  const submitted = readForm(formData, acceptInvitationForm);
  return runFormAction("accept-invitation", submitted, async () => {
    if (honeypotFilled(formData)) return errorState(submitted, {}, HONEYPOT_MESSAGE);
    const found = await openInvitation(token, { reopenDeclined: true });
    if (!found.ok) return errorState(submitted, {}, found.message);
    const values = { ...submitted, email: found.view.invitation.email };
    const parsed = parseForm(registrationSchema, { ...values, nominees: [] });
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    if (!(await publicWriteAllowed(values.email))) return errorState(values, {}, RATE_LIMIT_MESSAGE);

    const result = await acceptInvitation(db(), { token, ...parsed.data });
    if (!result.ok) {
      if (result.reason === "ALREADY_REGISTERED") return errorState(values, {}, ALREADY_REGISTERED);
      const { fieldErrors, formError } = failureErrors(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    return { status: "redirect", to: routes.personal(result.token).confirmation() };
  });
}

export async function declineInvitationAction(
  token: string,
  _state: FormState<DeclineInvitationRaw>,
  formData: FormData,
): Promise<FormState<DeclineInvitationRaw>> {
  const values = readForm(formData, declineInvitationForm);
  return runFormAction("decline-invitation", values, async () => {
    if (honeypotFilled(formData)) return errorState(values, {}, HONEYPOT_MESSAGE);
    const found = await openInvitation(token);
    if (!found.ok) return errorState(values, {}, found.message);
    if (!(await publicWriteAllowed(found.view.invitation.email))) return errorState(values, {}, RATE_LIMIT_MESSAGE);

    const result = await declineInvitation(db(), { token });
    if (!result.ok) {
      const { fieldErrors, formError } = failureErrors(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    // Back to the invitation, which now says so and still offers to accept.
    return { status: "redirect", to: `${routes.invitation(token).page()}?rifiutato=1`, revalidate: [routes.invitation(token).page()] };
  });
}
