// The dashboard's registration forms as the browser submits them. Pure: the
// server actions read FormData with these before anything else.
import { defineForm, emptyValues, readForm, type FormValues } from "@/lib/platform/forms/form-data";
import { SINGLE_REGISTRATION_FIELD_ORDER } from "@/lib/registrations/form-fields";

/** The bulk form's single fields; the ticked rows come as repeated "ids", the page's rows as "pageIds". */
export const bulkForm = defineForm({ text: ["intent"], checkboxes: ["selectAll", "overCapacity"] });

export type BulkRaw = FormValues<typeof bulkForm> & { ids: string[]; pageIds: string[] };

const MAX_SUBMITTED_IDS = 1000;

function repeated(formData: FormData, name: string): string[] {
  return formData
    .getAll(name)
    .filter((value): value is string => typeof value === "string")
    .slice(0, MAX_SUBMITTED_IDS);
}

export function readBulkForm(formData: FormData): BulkRaw {
  return { ...readForm(formData, bulkForm), ids: repeated(formData, "ids"), pageIds: repeated(formData, "pageIds") };
}

export function emptyBulk(): BulkRaw {
  return { ...emptyValues(bulkForm), ids: [], pageIds: [] };
}

/** Registering someone on their behalf: the registration form without nominees or honeypot. */
export const onBehalfForm = defineForm({
  text: ["firstName", "lastName", "email", "phone", "roleTitle", "organisationType", "municipalityId", "organisationName"],
  checkboxes: ["privacyConsent", "communicationsConsent"],
});
export type OnBehalfRaw = FormValues<typeof onBehalfForm>;

export const ON_BEHALF_FIELD_ORDER = SINGLE_REGISTRATION_FIELD_ORDER;

export function emptyOnBehalf(): OnBehalfRaw {
  return emptyValues(onBehalfForm);
}
