"use server";
// The registration journey's public forms. No session: the personal link's
// token is the credential. Each action refuses the honeypot, parses with the
// form's shared schema, counts against the rate limits, then calls the service.
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { honeypotFilled, publicWriteAllowed } from "@/lib/platform/forms/public-write";
import { runFormAction } from "@/lib/platform/forms/run-action";
import { RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { isMeetingSlug } from "@/lib/segments";
import { isWellFormedToken } from "@/lib/platform/security/tokens";
import {
  cancelRegistrationForm,
  nominateForm,
  registrationForm,
  updateRegistrationForm,
  type CancelRegistrationRaw,
  type NominateRaw,
  type RegistrationFormRaw,
  type UpdateRegistrationRaw,
} from "./form-fields";
import { ALREADY_REGISTERED_MESSAGE, failureErrors, HONEYPOT_MESSAGE, LINK_MESSAGES } from "./messages";
import { addNominees, cancelRegistration, register, updateRegistration } from "./mutations";
import { registrationEmailByToken } from "./queries";
import { cancelRegistrationSchema, nominateSchema, publicRegistrationSchema, updateRegistrationSchema } from "./schema";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";

const personalPath = (token: string) => routes.personal(token).page();

export async function registerAction(
  slug: string,
  _state: FormState<RegistrationFormRaw>,
  formData: FormData,
): Promise<FormState<RegistrationFormRaw>> {
  const values = readForm(formData, registrationForm);
  return runFormAction("register", values, async () => {
    if (!isMeetingSlug(slug)) {
      const { fieldErrors, formError } = failureErrors("MEETING_NOT_FOUND");
      return errorState(values, fieldErrors, formError);
    }
    if (honeypotFilled(formData)) return errorState(values, {}, HONEYPOT_MESSAGE);
    const parsed = parseForm(publicRegistrationSchema, values, "nominees");
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    if (!(await publicWriteAllowed(parsed.data.email))) return errorState(values, {}, RATE_LIMIT_MESSAGE);

    const result = await register(db(), { slug, ...parsed.data });
    // Nothing is wrong: the person is registered already and gets their link again.
    if (!result.ok && result.reason === "ALREADY_REGISTERED") {
      return { status: "success", tone: "info", message: ALREADY_REGISTERED_MESSAGE, values };
    }
    if (!result.ok) {
      const { fieldErrors, formError } = failureErrors(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    return { status: "redirect", to: routes.personal(result.token).confirmation() };
  });
}

/**
 * The checks every personal-link action makes before its own: a well-formed
 * token that still points to a registration, the honeypot, the rate limits
 * (keyed by the registrant's email). Returns the refusal, or null to go on.
 */
async function refusePersonalWrite<Values>(token: string, formData: FormData, values: Values): Promise<FormState<Values> | null> {
  if (honeypotFilled(formData)) return errorState(values, {}, HONEYPOT_MESSAGE);
  const email = isWellFormedToken(token) ? await registrationEmailByToken(db(), token) : null;
  if (!email) return errorState(values, {}, LINK_MESSAGES.LINK_INVALID);
  if (!(await publicWriteAllowed(email))) return errorState(values, {}, RATE_LIMIT_MESSAGE);
  return null;
}

export async function updateRegistrationAction(
  token: string,
  _state: FormState<UpdateRegistrationRaw>,
  formData: FormData,
): Promise<FormState<UpdateRegistrationRaw>> {
  const values = readForm(formData, updateRegistrationForm);
  return runFormAction("update-registration", values, async () => {
    const parsed = parseForm(updateRegistrationSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const refused = await refusePersonalWrite(token, formData, values);
    if (refused) return refused;

    const result = await updateRegistration(db(), { token, ...parsed.data });
    if (!result.ok) {
      const { fieldErrors, formError } = failureErrors(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    return { status: "success", message: "Modifiche salvate.", values, revalidate: [personalPath(token)] };
  });
}

export async function cancelRegistrationAction(
  token: string,
  _state: FormState<CancelRegistrationRaw>,
  formData: FormData,
): Promise<FormState<CancelRegistrationRaw>> {
  const values = readForm(formData, cancelRegistrationForm);
  return runFormAction("cancel-registration", values, async () => {
    const parsed = parseForm(cancelRegistrationSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const refused = await refusePersonalWrite(token, formData, values);
    if (refused) return refused;

    const result = await cancelRegistration(db(), { token });
    if (!result.ok) {
      const { fieldErrors, formError } = failureErrors(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    return { status: "success", message: "La tua iscrizione è stata annullata.", values, revalidate: [personalPath(token)] };
  });
}

export async function nominateAction(
  token: string,
  _state: FormState<NominateRaw>,
  formData: FormData,
): Promise<FormState<NominateRaw>> {
  const values = readForm(formData, nominateForm);
  return runFormAction("nominate", values, async () => {
    const parsed = parseForm(nominateSchema, values, "nominees");
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const refused = await refusePersonalWrite(token, formData, values);
    if (refused) return refused;

    const result = await addNominees(db(), { token, nominees: parsed.data.nominees });
    if (!result.ok) {
      const { fieldErrors, formError } = failureErrors(result.reason);
      return errorState(values, fieldErrors, formError);
    }
    const skipped = parsed.data.nominees.length - result.invited;
    const message =
      `Abbiamo inviato ${plural(result.invited, "invito", "inviti")}.` +
      (skipped > 0 ? " Chi era già stato invitato a questo incontro non riceve un secondo invito." : "");
    // The rows are cleared: what was sent now appears in the list of invitations.
    return { status: "success", message, values: { nominees: [] }, revalidate: [personalPath(token)] };
  });
}
