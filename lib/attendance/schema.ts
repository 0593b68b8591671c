// The attendance pages' forms: a manual correction per row, and the
// import's apply form (one select per ambiguous row and two options).
import { z } from "zod";
import { formOf, type FormValues } from "@/lib/platform/forms/form-data";

export const attendanceIdSchema = z.uuid();

export const MAX_MINUTES = 24 * 60;

const correctionFields = z.object({
  status: z.enum(["PRESENT", "ABSENT"], { error: "Scegli presente o assente." }),
  minutes: z
    .string()
    .trim()
    .refine((value) => value === "" || (/^\d{1,4}$/.test(value) && Number(value) <= MAX_MINUTES), {
      error: `Scrivi i minuti come numero intero, da 0 a ${MAX_MINUTES}, o lascia vuoto.`,
    })
    .transform((value) => (value === "" ? null : Number(value))),
});

export const correctionForm = formOf(correctionFields);
export type CorrectionRaw = FormValues<typeof correctionForm>;

export const correctionSchema = correctionFields.transform((value) => ({
  status: value.status,
  minutes: value.status === "ABSENT" ? null : value.minutes,
}));

/** The select of ambiguous row n is "scelta-n"; its value a registration id, or "" for none. */
export const CHOICE_PREFIX = "scelta-";
export const NO_CHOICE = "";

export type ApplyRaw = { markAbsent: boolean; overwriteManual: boolean; choices: Record<string, string> };

/** What the apply form sent: pure, nothing but the form's own names. */
export function readApplyForm(formData: FormData): ApplyRaw {
  const choices: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    const match = /^scelta-(\d{1,5})$/.exec(name);
    if (match && typeof value === "string") choices[match[1]] = value.slice(0, 64);
  }
  const checked = (name: string) => formData.has(name) && formData.get(name) !== "false";
  return { markAbsent: checked("segnaAssenti"), overwriteManual: checked("sovrascriviManuali"), choices };
}

export const applySchema = z.object({
  markAbsent: z.boolean(),
  overwriteManual: z.boolean(),
  choices: z
    .record(z.string(), z.union([z.literal(NO_CHOICE), z.uuid()]))
    .transform((choices) => Object.entries(choices).map(([row, id]) => ({ row: Number(row), registrationId: id === NO_CHOICE ? null : id }))),
});
