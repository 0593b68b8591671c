// The managing-body forms: one schema each, shared by the browser (resolver)
// and the server actions. Messages are Italian and shown as they are.
import { z } from "zod";
import { cleanString, emailField, phoneField, requiredText } from "@/lib/platform/forms/fields";
import { emptyValues, formOf, type FormValues } from "@/lib/platform/forms/form-data";
import { validateTaxCode } from "./tax-code";

/** A body's id, as a bound argument or a form value: anything else is refused before the database. */
export const managingBodyIdSchema = z.uuid();

const optionalEmail = cleanString()
  .trim()
  .transform((value) => value || null)
  .pipe(emailField.nullable());

/** Optional: empty is "unknown"; otherwise checked with its control character and normalised. */
export const taxCodeField = cleanString()
  .trim()
  .transform((value, context) => {
    if (!value) return null;
    const result = validateTaxCode(value);
    if (result.ok) return result.value;
    context.addIssue({ code: "custom", message: result.reason });
    return z.NEVER;
  });

export const managingBodySchema = z.object({
  name: requiredText("Indica il nome dell'ente gestore", 200).refine((name) => name.length >= 2, "Indica il nome dell'ente gestore"),
  taxCode: taxCodeField,
  email: optionalEmail,
  pec: optionalEmail,
  phone: phoneField,
});
export type ManagingBodyInput = z.output<typeof managingBodySchema>;
export const managingBodyForm = formOf(managingBodySchema);
export type ManagingBodyRaw = FormValues<typeof managingBodyForm>;

export const EMPTY_MANAGING_BODY: ManagingBodyRaw = emptyValues(managingBodyForm);

export const MERGE_DIRECTIONS = ["INTO_THIS", "INTO_OTHER"] as const;

/** Merging: the other body, and which way. */
export const mergeSchema = z.object({
  otherId: z.uuid({ error: "Scegli l'ente gestore da unire" }),
  direction: z.enum(MERGE_DIRECTIONS, { error: "Scegli quale ente resta" }),
  confirm: z.literal(true, { error: "Conferma l'unione: non si può annullare" }),
});
export const mergeForm = formOf(mergeSchema, { checkboxes: ["confirm"] });
export type MergeRaw = FormValues<typeof mergeForm>;
