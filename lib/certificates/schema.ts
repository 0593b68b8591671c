// The attestati page's forms. Safe on the client.
import { z } from "zod";
import { defineForm, formOf, type FormValues } from "@/lib/platform/forms/form-data";

export const meetingIdSchema = z.uuid();
export const registrationIdSchema = z.uuid();

export const MAX_THRESHOLD_MINUTES = 24 * 60;

export const thresholdSchema = z.object({
  certificateMinMinutes: z
    .string()
    .trim()
    .min(1, "Indica i minuti minimi di presenza.")
    .regex(/^\d+$/, "Indica un numero intero di minuti, senza decimali.")
    .transform(Number)
    .pipe(z.int().min(1, "Indica almeno 1 minuto.").max(MAX_THRESHOLD_MINUTES, "Al massimo 1440 minuti (24 ore).")),
});

export const thresholdForm = formOf(thresholdSchema);
export type ThresholdRaw = FormValues<typeof thresholdForm>;

/** Bulk issue: no fields. One certificate: the row's version, so a double submit re-sends once. */
export const bulkForm = defineForm({ text: [] });
export type BulkRaw = FormValues<typeof bulkForm>;

// No schema to derive from: the version goes to the mutation as it came, to spot a stale row.
export const certificateForm = defineForm({ text: ["version"] });
export type CertificateRaw = FormValues<typeof certificateForm>;
