// The fields of the registration journey's forms, as the browser submits
// them. The server actions read FormData with these shapes and the form
// components start from their empty values, so names agree on both sides.
import { blankRow, defineForm, emptyValues, type FormValues } from "@/lib/platform/forms/form-data";

export const NOMINEE_COLUMNS = ["firstName", "lastName", "email", "managingBodyName"] as const;

/** Rows a page offers when JavaScript cannot add more; blank rows are ignored. */
export const STATIC_NOMINEE_ROWS = 3;

export const registrationForm = defineForm({
  text: ["firstName", "lastName", "email", "phone", "roleTitle", "organisationType", "municipalityId", "organisationName"],
  checkboxes: ["privacyConsent", "communicationsConsent"],
  rows: { nominees: NOMINEE_COLUMNS },
});
export type RegistrationFormRaw = FormValues<typeof registrationForm>;
export type NomineeRaw = RegistrationFormRaw["nominees"][number];

/** Accepting an invitation: the registration form without nominees; the email shown is the invitation's. */
export const acceptInvitationForm = defineForm({
  text: ["firstName", "lastName", "email", "phone", "roleTitle", "organisationType", "municipalityId", "organisationName"],
  checkboxes: ["privacyConsent", "communicationsConsent"],
});
export type AcceptInvitationRaw = FormValues<typeof acceptInvitationForm>;

export const updateRegistrationForm = defineForm({
  text: ["firstName", "lastName", "phone", "roleTitle"],
  checkboxes: ["communicationsConsent"],
});
export type UpdateRegistrationRaw = FormValues<typeof updateRegistrationForm>;

export const cancelRegistrationForm = defineForm({ text: [], checkboxes: ["confirm"] });
export type CancelRegistrationRaw = FormValues<typeof cancelRegistrationForm>;

export const nominateForm = defineForm({ text: [], rows: { nominees: NOMINEE_COLUMNS } });
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

const PERSON_AND_ORGANISATION_ORDER = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "roleTitle",
  "organisationType",
  "municipalityId",
  "organisationName",
] as const;
const CONSENT_ORDER = ["privacyConsent", "communicationsConsent"] as const;

/** Field order on the page: the error summary lists errors in it and focus goes to the first. */
export function registrationFieldOrder(rowCount: number): string[] {
  return [...PERSON_AND_ORGANISATION_ORDER, ...nomineeFieldOrder(rowCount), ...CONSENT_ORDER];
}

/** The same order for a registration without nominees: accepting an invitation, or registering someone on their behalf. */
export const SINGLE_REGISTRATION_FIELD_ORDER = [...PERSON_AND_ORGANISATION_ORDER, ...CONSENT_ORDER] as const;

export function nomineeFieldOrder(rowCount: number): string[] {
  return [
    "nominees",
    ...Array.from({ length: rowCount }, (_, index) => NOMINEE_COLUMNS.map((column) => `nominees.${index}.${column}`)).flat(),
  ];
}

/** "Rappresentante 2" for an error on the second row, so the summary says which row. */
export function nomineeRowLabel(path: string): string | undefined {
  const match = /^nominees\.(\d+)\./.exec(path);
  return match ? `Rappresentante ${Number(match[1]) + 1}` : undefined;
}
