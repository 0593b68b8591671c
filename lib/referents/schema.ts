// The dashboard's referent forms: add, edit, revoke. One schema each, shared
// by the browser and the server actions.
import { z } from "zod";
import { cleanString, emailField, optionalText as sharedOptionalText, phoneField, requiredMultiline, requiredText } from "@/lib/platform/forms/fields";
import { formOf, type FormValues } from "@/lib/platform/forms/form-data";
import { referentRoleField } from "./sheets/schema";

const required = requiredText;

const optionalText = (max: number) => sharedOptionalText(max).transform((value) => value || null);

export const referentIdSchema = z.uuid();

export const addReferentSchema = z.object({
  municipalityId: cleanString("Seleziona il Comune").trim().min(1, "Seleziona il Comune").pipe(z.uuid("Seleziona il Comune dall'elenco")),
  firstName: required("Inserisci il nome"),
  lastName: required("Inserisci il cognome"),
  email: emailField,
  phone: phoneField,
  role: referentRoleField,
  office: optionalText(200),
});
export type AddReferentInput = z.output<typeof addReferentSchema>;
export const addReferentForm = formOf(addReferentSchema);
export type AddReferentRaw = FormValues<typeof addReferentForm>;

export const updateReferentSchema = z.object({
  firstName: required("Inserisci il nome"),
  lastName: required("Inserisci il cognome"),
  phone: phoneField,
  role: referentRoleField,
  office: optionalText(200),
});
export type UpdateReferentInput = z.output<typeof updateReferentSchema>;
export const updateReferentForm = formOf(updateReferentSchema);
export type UpdateReferentRaw = FormValues<typeof updateReferentForm>;

export const revokeReferentSchema = z.object({
  reason: requiredMultiline("Indica il motivo della revoca", 500, { min: 5, tooShort: "Indica il motivo della revoca (almeno 5 caratteri)" }),
});
export const revokeReferentForm = formOf(revokeReferentSchema);
export type RevokeReferentRaw = FormValues<typeof revokeReferentForm>;
