// One schema per form, shared by the browser (react-hook-form), the server
// action and the JSON API. Messages are Italian: they are shown as they are.
import { z } from "zod";
import { checkbox, cleanString, emailField, optionalText, phoneField, requiredText } from "@/lib/platform/forms/fields";

export const ORGANISATION_TYPES = ["COMUNE", "ENTE_GESTORE", "ALTRO_ENTE"] as const;
export const MAX_NOMINEES = 10;

const required = requiredText;


export const nomineeSchema = z.object({
  firstName: required("Inserisci il nome"),
  lastName: required("Inserisci il cognome"),
  email: emailField,
  managingBodyName: required("Indica l'ente gestore", 200),
});

/** Each nominee once, and never the registrant. */
function flagRepeatedNominees(nominees: { email: string }[], seen: Set<string>, ctx: z.RefinementCtx) {
  nominees.forEach((nominee, index) => {
    if (seen.has(nominee.email)) {
      ctx.addIssue({ code: "custom", path: ["nominees", index, "email"], message: "Questo indirizzo compare già nell'iscrizione" });
    }
    seen.add(nominee.email);
  });
}

export const NOMINEES_ONLY_FOR_COMUNE =
  "Solo chi partecipa per conto di un Comune può invitare gli enti gestori: scegli «Comune» oppure svuota le righe dei rappresentanti.";

/** The fields in page order (the form's error summary follows it). */
export const registrationSchema = z
  .object({
    firstName: required("Inserisci il nome"),
    lastName: required("Inserisci il cognome"),
    email: emailField,
    phone: phoneField,
    roleTitle: required("Indica il ruolo o la qualifica", 150),
    organisationType: z.enum(ORGANISATION_TYPES, { error: "Indica per quale ente ti iscrivi" }),
    municipalityId: cleanString()
      .trim()
      .transform((value) => value || null)
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    organisationName: optionalText(200)
      .transform((value) => value || null)
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    nominees: z.array(nomineeSchema).max(MAX_NOMINEES, `Puoi invitare al massimo ${MAX_NOMINEES} rappresentanti`).default([]),
    privacyConsent: checkbox.refine((value) => value, "Per iscriverti occorre prendere visione dell'informativa privacy"),
    communicationsConsent: checkbox,
    /** Honeypot: hidden from people, filled by bots. */
    website: cleanString().optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.organisationType === "COMUNE" && !value.municipalityId) {
      ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "Seleziona il Comune" });
    }
    if (value.municipalityId && !z.uuid().safeParse(value.municipalityId).success) {
      ctx.addIssue({ code: "custom", path: ["municipalityId"], message: "Seleziona il Comune dall'elenco" });
    }
    if (value.organisationType !== "COMUNE" && !value.organisationName) {
      ctx.addIssue({ code: "custom", path: ["organisationName"], message: "Indica il nome dell'ente" });
    }
    flagRepeatedNominees(value.nominees, new Set([value.email]), ctx);
  });

/**
 * The public registration form: the enti gestori of a Comune's SAI projects
 * are invited by someone registering for that Comune, so the form offers the
 * rows only to them (with JavaScript) and refuses them from anyone else
 * (without). A coordinator and the JSON API go through registrationSchema.
 */
export const publicRegistrationSchema = registrationSchema.superRefine((value, ctx) => {
  if (value.organisationType !== "COMUNE" && value.nominees.length > 0) {
    ctx.addIssue({ code: "custom", path: ["nominees"], message: NOMINEES_ONLY_FOR_COMUNE });
  }
});

export type RegistrationFormValues = z.input<typeof registrationSchema>;
export type RegistrationInput = z.output<typeof registrationSchema>;
export type NomineeInput = z.output<typeof nomineeSchema>;

export const nominateSchema = z
  .object({
    nominees: z.array(nomineeSchema).min(1, "Aggiungi almeno un rappresentante").max(MAX_NOMINEES),
  })
  .superRefine((value, ctx) => flagRepeatedNominees(value.nominees, new Set(), ctx));

/** The personal page's edit form: what a registrant may change from their link. */
export const updateRegistrationSchema = z.object({
  firstName: required("Inserisci il nome"),
  lastName: required("Inserisci il cognome"),
  phone: phoneField,
  roleTitle: required("Indica il ruolo o la qualifica", 150),
  communicationsConsent: checkbox,
});
export type UpdateRegistrationInput = z.output<typeof updateRegistrationSchema>;

/** Cancelling needs an explicit confirmation, which works without JavaScript. */
export const cancelRegistrationSchema = z.object({
  confirm: checkbox.refine((value) => value, "Per annullare l'iscrizione spunta la casella di conferma"),
});
