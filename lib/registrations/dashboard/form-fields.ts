// The dashboard's registration forms as the browser submits them. Pure: the
// server actions read FormData with these before anything else.
import { emptyValues, formOf, readForm, type FormValues } from "@/lib/platform/forms/form-data";
import { CONSENT_CHECKBOXES } from "@/lib/registrations/form-fields";
import { registrationSchema } from "@/lib/registrations/schema";
import { bulkActionFields } from "./schema";

/** The bulk form's single fields; the ticked rows come as repeated "ids", the page's rows as "pageIds". */
export const bulkForm = formOf(bulkActionFields, { checkboxes: ["selectAll", "overCapacity"], omit: ["ids", "pageIds"] });

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
export const onBehalfForm = formOf(registrationSchema, { checkboxes: CONSENT_CHECKBOXES, omit: ["website", "nominees"] });
export type OnBehalfRaw = FormValues<typeof onBehalfForm>;

export function emptyOnBehalf(): OnBehalfRaw {
  return emptyValues(onBehalfForm);
}
