// SAI projects: their categories as the UI and the import name them, and the
// project form's schema, shared by the browser and the server action.
import { z } from "zod";
import { cleanString, optionalText } from "@/lib/platform/forms/fields";
import { defineForm, emptyValues, formOf, type FormValues } from "@/lib/platform/forms/form-data";
import { SAI_CATEGORIES } from "./labels";


/** A project's id, as a bound argument. */
export const saiProjectIdSchema = z.uuid();

export const MAX_PROJECT_CODE = 40;
export const MAX_PLACES = 10_000;

export const saiProjectSchema = z.object({
  municipalityId: z.uuid({ error: "Scegli il Comune" }),
  category: z.enum(SAI_CATEGORIES, { error: "Scegli la categoria" }),
  projectCode: optionalText(MAX_PROJECT_CODE)
    .transform((value) => value.toUpperCase() || null),
  places: cleanString()
    .trim()
    .refine((value) => value === "" || /^\d{1,5}$/.test(value), "Indica i posti con un numero intero, oppure lascia vuoto")
    .transform((value) => (value === "" ? null : Number(value)))
    .refine((value) => value === null || value <= MAX_PLACES, `Al massimo ${MAX_PLACES} posti`),
});
export type SaiProjectInput = z.output<typeof saiProjectSchema>;
export const saiProjectForm = formOf(saiProjectSchema);
export type SaiProjectRaw = FormValues<typeof saiProjectForm>;

export const EMPTY_SAI_PROJECT: SaiProjectRaw = emptyValues(saiProjectForm);

export const removeSaiProjectForm = defineForm({ text: [] });
export type RemoveSaiProjectRaw = FormValues<typeof removeSaiProjectForm>;
