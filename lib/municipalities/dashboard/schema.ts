// The SAI flag form: a button that says which value to set (not a toggle),
// so a double submission cannot flip the flag back.
import { z } from "zod";
import { formOf, type FormValues } from "@/lib/platform/forms/form-data";
import { pecField } from "@/lib/referents/sheets/schema";

/** A municipality's id, as a bound argument of its forms: anything else is refused before the database. */
export const municipalityIdSchema = z.uuid();

export const saiFlagSchema = z.object({
  saiMember: z.enum(["true", "false"], { error: "Scegli se il Comune aderisce al SAI" }).transform((value) => value === "true"),
});
export type SaiFlagInput = z.output<typeof saiFlagSchema>;
export const saiFlagForm = formOf(saiFlagSchema);
export type SaiFlagRaw = FormValues<typeof saiFlagForm>;

/** A page of the list holds at most this many; every Comune of Sicily fits. */
export const MAX_BULK_MUNICIPALITIES = 400;

export const bulkSaiFlagSchema = saiFlagSchema.extend({
  ids: z
    .array(z.uuid({ error: "Selezione non valida: ricarica la pagina." }))
    .min(1, "Seleziona almeno un Comune nella tabella.")
    .max(MAX_BULK_MUNICIPALITIES, `Puoi selezionare al massimo ${MAX_BULK_MUNICIPALITIES} Comuni alla volta.`)
    .transform((ids) => [...new Set(ids)]),
});
export type BulkSaiFlagInput = z.output<typeof bulkSaiFlagSchema>;
/** The Comuni list's bulk form: the pressed button carries the value to set, the ticked rows come as repeated "ids". */
export const bulkSaiFlagForm = formOf(bulkSaiFlagSchema, { omit: ["ids"] });
export type BulkSaiFlagRaw = FormValues<typeof bulkSaiFlagForm> & { ids: string[] };

/** The bulk form's answer when nothing changed: shown as information, not as a success. */
export const NO_SAI_CHANGE = "Nessuna modifica: i Comuni selezionati avevano già questo valore.";

/** The Comune's institutional PEC, where a convocation goes by PEC; left empty, it is not known. */
export const municipalityPecSchema = z.object({
  pec: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), pecField.nullable()),
});
export type MunicipalityPecInput = z.output<typeof municipalityPecSchema>;
export const municipalityPecForm = formOf(municipalityPecSchema);
export type MunicipalityPecRaw = FormValues<typeof municipalityPecForm>;
