import { z } from "zod";
import { defineForm, type FormValues } from "@/lib/platform/forms/form-data";

/** An EmailMessage id, as the retry button's bound argument. */
export const emailIdSchema = z.uuid();

/** Retrying is a button: no fields. */
export const retryEmailForm = defineForm({ text: [] });
export type RetryEmailRaw = FormValues<typeof retryEmailForm>;
