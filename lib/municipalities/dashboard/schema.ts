// The SAI flag form: a button that says which value to set (not a toggle),
// so a double submission cannot flip the flag back.
import { z } from "zod";
import { defineForm, type FormValues } from "@/lib/forms/form-data";

/** A municipality's id, as a bound argument of its forms: anything else is refused before the database. */
export const municipalityIdSchema = z.uuid();

export const saiFlagForm = defineForm({ text: ["saiMember"] });
export type SaiFlagRaw = FormValues<typeof saiFlagForm>;

export const saiFlagSchema = z.object({
  saiMember: z.enum(["true", "false"], { error: "Scegli se il Comune aderisce al SAI" }).transform((value) => value === "true"),
});
export type SaiFlagInput = z.output<typeof saiFlagSchema>;
