// The fields of the registration journey's forms, as the browser submits
// them. The server actions read FormData with these shapes and the form
// components start from their empty values, so names agree on both sides.
import { blankRow, defineForm, emptyValues, formOf, pageOrder, schemaKeys, type FormValues } from "@/lib/platform/forms/form-data";
import { cancelRegistrationSchema, nominateSchema, nomineeSchema, registrationSchema, updateRegistrationSchema } from "./schema";

export const NOMINEE_COLUMNS = schemaKeys(nomineeSchema);

/** Rows a page offers when JavaScript cannot add more; blank rows are ignored. */
export const STATIC_NOMINEE_ROWS = 3;

export const CONSENT_CHECKBOXES = ["privacyConsent", "communicationsConsent"] as const;

/** The honeypot is not one of the form's values: the actions check it apart (honeypotFilled). */
export const registrationForm = formOf(registrationSchema, {
  checkboxes: CONSENT_CHECKBOXES,
  rows: { nominees: nomineeSchema },
  omit: ["website"],
});
export type RegistrationFormRaw = FormValues<typeof registrationForm>;
export type NomineeRaw = RegistrationFormRaw["nominees"][number];

/** Accepting an invitation: the registration form without nominees; the email shown is the invitation's. */
export const acceptInvitationForm = formOf(registrationSchema, { checkboxes: CONSENT_CHECKBOXES, omit: ["website", "nominees"] });
export type AcceptInvitationRaw = FormValues<typeof acceptInvitationForm>;

export const updateRegistrationForm = formOf(updateRegistrationSchema, { checkboxes: ["communicationsConsent"] });
export type UpdateRegistrationRaw = FormValues<typeof updateRegistrationForm>;

export const cancelRegistrationForm = formOf(cancelRegistrationSchema, { checkboxes: ["confirm"] });
export type CancelRegistrationRaw = FormValues<typeof cancelRegistrationForm>;

export const nominateForm = formOf(nominateSchema, { rows: { nominees: nomineeSchema } });
export type NominateRaw = FormValues<typeof nominateForm>;

export const declineInvitationForm = defineForm({ text: [] });
export type DeclineInvitationRaw = FormValues<typeof declineInvitationForm>;

export function blankNominee(): NomineeRaw {
  return blankRow(registrationForm, "nominees");
}

/** At least `count` rows, the typed ones first as they were. */
export function padNominees(rows: readonly NomineeRaw[], count = STATIC_NOMINEE_ROWS): NomineeRaw[] {
  return [...rows, ...Array.from({ length: Math.max(0, count - rows.length) }, blankNominee)];
}

export function emptyRegistration(overrides: Partial<RegistrationFormRaw> = {}): RegistrationFormRaw {
  return { ...emptyValues(registrationForm), nominees: padNominees([]), ...overrides };
}

/** Field order on the page: the error summary lists errors in it and focus goes to the first. */
export function registrationFieldOrder(rowCount: number): string[] {
  return pageOrder(registrationForm, { nominees: rowCount });
}

export function nomineeFieldOrder(rowCount: number): string[] {
  return pageOrder(nominateForm, { nominees: rowCount });
}

/** "Rappresentante 2" for an error on the second row, so the summary says which row. */
export function nomineeRowLabel(path: string): string | undefined {
  const match = /^nominees\.(\d+)\./.exec(path);
  return match ? `Rappresentante ${Number(match[1]) + 1}` : undefined;
}
