// The apply button's form: no fields, the import's id is bound.
import { z } from "zod";
import { defineForm, type FormValues } from "@/lib/platform/forms/form-data";

export const saiImportIdSchema = z.uuid();

export const applyImportForm = defineForm({ text: [] });
export type ApplyImportRaw = FormValues<typeof applyImportForm>;
