// The public scheda referenti: one schema, shared by the browser
// (react-hook-form) and the server action. Messages are Italian.
import { z } from "zod";
import { checkbox, cleanString, emailAddressField, emailField, phoneField, requiredMultiline, requiredText } from "@/lib/platform/forms/fields";
import { REFERENT_ROLES } from "../labels";

export const MAX_REFERENTS = 5;

const required = requiredText;


export const pecField = emailAddressField({
  missing: "Inserisci la PEC del Comune",
  tooLong: "Indirizzo PEC troppo lungo",
  invalid: "Inserisci un indirizzo PEC valido, ad esempio protocollo@pec.comune.esempio.it",
});

export const referentRoleField = z.enum(REFERENT_ROLES, { error: "Indica se il referente è politico o tecnico" });

export const sheetReferentSchema = z.object({
  firstName: required("Inserisci il nome"),
  lastName: required("Inserisci il cognome"),
  role: referentRoleField,
  office: required("Indica l'ufficio o l'incarico", 200),
  email: emailField,
  phone: phoneField,
});

/** The fields in page order (the form's error summary follows it). */
export const referentSheetSchema = z
  .object({
    municipalityId: cleanString("Seleziona il Comune").trim().min(1, "Seleziona il Comune").pipe(z.uuid("Seleziona il Comune dall'elenco")),
    pec: pecField,
    referents: z
      .array(sheetReferentSchema)
      .min(1, "Indica almeno un referente")
      .max(MAX_REFERENTS, `Puoi indicare al massimo ${MAX_REFERENTS} referenti`),
    officerFirstName: required("Inserisci il nome"),
    officerLastName: required("Inserisci il cognome"),
    officerRoleTitle: required("Indica il ruolo o la qualifica", 150),
    officerEmail: emailField,
    officerPhone: phoneField,
    privacyConsent: checkbox.refine((value) => value, "Per inviare la scheda occorre prendere visione dell'informativa privacy"),
    communicationsConsent: checkbox,
    /** Honeypot: hidden from people, filled by bots. */
    website: cleanString().optional().default(""),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.referents.forEach((referent, index) => {
      if (seen.has(referent.email)) {
        ctx.addIssue({ code: "custom", path: ["referents", index, "email"], message: "Questo indirizzo compare già in un altro referente della scheda" });
      }
      seen.add(referent.email);
    });
  });

export type ReferentSheetInput = z.output<typeof referentSheetSchema>;
export type SheetReferentInput = z.output<typeof sheetReferentSchema>;

/** Rejecting a scheda: the reason goes to the officer. */
export const rejectSheetSchema = z.object({
  reason: requiredMultiline("Indica il motivo", 1000, {
    min: 5,
    tooShort: "Indica il motivo (almeno 5 caratteri): sarà inviato a chi ha compilato la scheda",
  }),
});

export const sheetIdSchema = z.uuid();

/** The submission a reviewer saw (ReferentSheet.submissions), bound to the review forms. */
export const submissionsSchema = z.int().positive();
