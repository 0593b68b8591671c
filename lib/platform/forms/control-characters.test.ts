// Every text field refuses control characters (C0 but tab/LF/CR, DEL, C1,
// lone surrogates) with the same Italian message: a NUL that reached
// PostgreSQL was a server error, the others only break what prints them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { signInSchema } from "@/lib/auth/schema";
import { managingBodySchema } from "@/lib/managing-bodies/schema";
import { meetingSchema } from "@/lib/meetings/schema";
import { validMeetingForm } from "@/lib/test/meeting-form";
import { messageRuleSchema } from "@/lib/message-rules/schema";
import { addReferentSchema, revokeReferentSchema, updateReferentSchema } from "@/lib/referents/schema";
import { referentSheetSchema, rejectSheetSchema } from "@/lib/referents/sheets/schema";
import { nomineeSchema, registrationSchema, updateRegistrationSchema } from "@/lib/registrations/schema";
import { saiProjectSchema } from "@/lib/sai-projects/schema";
import { inviteUserSchema } from "@/lib/users/schema";
import { param } from "./search-params";
import { CONTROL_CHARACTER_MESSAGE, isCleanLine, isCleanText, optionalMultiline, optionalText, requiredMultiline, requiredText } from "./fields";

const code = (from: number, to: number) => fc.integer({ min: from, max: to }).map((value) => String.fromCharCode(value));
/** One character no text field may hold. */
export const forbiddenCharacter = fc.oneof(
  code(0x00, 0x08),
  code(0x0b, 0x0c),
  code(0x0e, 0x1f),
  code(0x7f, 0x9f),
  code(0xd800, 0xdbff), // a high surrogate with no low one after it
  code(0xdc00, 0xdfff), // a low surrogate with no high one before it
);

const municipalityId = "6f1c2f4e-9a4b-4c1d-8e2f-0a1b2c3d4e5f";
const person = { firstName: "Anna", lastName: "Rossi", email: "anna@example.it", phone: "091 123 4567", roleTitle: "Funzionaria" };

type Case = { name: string; schema: z.ZodType; valid: Record<string, unknown>; fields: string[] };
const CASES: Case[] = [
  {
    name: "registration",
    schema: registrationSchema,
    valid: { ...person, organisationType: "ALTRO_ENTE", organisationName: "Ente", municipalityId, privacyConsent: true, website: "" },
    fields: ["firstName", "lastName", "email", "phone", "roleTitle", "organisationName", "municipalityId", "website"],
  },
  { name: "nominee", schema: nomineeSchema, valid: { ...person, managingBodyName: "Cooperativa" }, fields: ["firstName", "lastName", "email", "managingBodyName"] },
  { name: "personal page", schema: updateRegistrationSchema, valid: person, fields: ["firstName", "lastName", "phone", "roleTitle"] },
  {
    name: "scheda referenti",
    schema: referentSheetSchema,
    valid: {
      municipalityId,
      pec: "protocollo@pec.comune.it",
      referents: [{ firstName: "Luca", lastName: "Bianchi", role: "TECHNICAL", office: "Servizi sociali", email: "luca@example.it", phone: "" }],
      officerFirstName: "Anna",
      officerLastName: "Rossi",
      officerRoleTitle: "Segretaria",
      officerEmail: "anna@example.it",
      officerPhone: "",
      privacyConsent: true,
      website: "",
    },
    fields: ["municipalityId", "pec", "officerFirstName", "officerLastName", "officerRoleTitle", "officerEmail", "website"],
  },
  { name: "scheda rejection", schema: rejectSheetSchema, valid: { reason: "Dati incompleti" }, fields: ["reason"] },
  {
    name: "referent",
    schema: addReferentSchema,
    valid: { municipalityId, firstName: "Luca", lastName: "Bianchi", email: "luca@example.it", phone: "", role: "TECHNICAL", office: "Ufficio" },
    fields: ["municipalityId", "firstName", "lastName", "email", "phone", "office"],
  },
  { name: "referent edit", schema: updateReferentSchema, valid: { firstName: "Luca", lastName: "Bianchi", phone: "", role: "TECHNICAL", office: "Ufficio" }, fields: ["office"] },
  { name: "referent revocation", schema: revokeReferentSchema, valid: { reason: "Non più in servizio" }, fields: ["reason"] },
  { name: "user", schema: inviteUserSchema, valid: { email: "u@example.it", name: "Utente", role: "OBSERVER" }, fields: ["email", "name"] },
  { name: "sign-in", schema: signInSchema, valid: { email: "u@example.it" }, fields: ["email"] },
  {
    name: "managing body",
    schema: managingBodySchema,
    valid: { name: "Cooperativa", taxCode: "", email: "info@coop.it", pec: "coop@pec.it", phone: "091 123 4567" },
    fields: ["name", "taxCode", "email", "pec", "phone"],
  },
  {
    name: "message rule",
    schema: messageRuleSchema,
    valid: { anchor: "BEFORE_START", offsetValue: "2", offsetUnit: "HOURS", audience: "CONFIRMED", subject: "Promemoria", body: "Ci vediamo", active: true },
    fields: ["anchor", "offsetValue", "offsetUnit", "audience", "subject", "body"],
  },
  { name: "SAI project", schema: saiProjectSchema, valid: { municipalityId, category: "ORDINARI", projectCode: "PROG-1", places: "10" }, fields: ["projectCode", "places"] },
  {
    name: "convocation",
    schema: meetingSchema,
    valid: {
      ...validMeetingForm(),
      slug: "webinar",
      closing: "Cordiali saluti",
      placeAndDate: "Palermo",
      joinUrl: "https://meet.example.it/abc",
      projectWebsite: "https://example.it",
      capacity: "50",
      speakers: [{ honorific: "Dott.", name: "Anna", role: "Relatrice", affiliation: "Ente", talkTitle: "Intervento" }],
      agendaItems: [{ title: "Tema", description: "Descrizione" }],
    },
    fields: [
      "title", "slug", "subject", "startsAt", "endsAt", "body", "closing", "signatoryName", "signatoryTitle", "fundingFund", "fundingLine",
      "projectCode", "projectName", "placeAndDate", "joinUrl", "projectWebsite", "capacity",
      "speakers.0.honorific", "speakers.0.name", "speakers.0.role", "speakers.0.affiliation", "speakers.0.talkTitle",
      "agendaItems.0.title", "agendaItems.0.description",
    ],
  },
];

function getPath(value: Record<string, unknown>, path: string): string {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], value) as string;
}

function setPath(value: Record<string, unknown>, path: string, text: string): Record<string, unknown> {
  const copy = structuredClone(value);
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy) as Record<string, unknown>;
  parent[keys.at(-1)!] = text;
  return copy;
}

describe("control characters in text fields", () => {
  it.each(CASES)("the $name form parses as given (the baseline of the next test)", ({ schema, valid }) => {
    expect(schema.safeParse(valid).error?.issues ?? []).toEqual([]);
  });

  it.each(CASES)("every text field of the $name form refuses a control character anywhere in it, with the Italian message", ({ schema, valid, fields }) => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), forbiddenCharacter, fc.nat(), (field, character, at) => {
        const original = getPath(valid, field);
        const index = at % (original.length + 1);
        const parsed = schema.safeParse(setPath(valid, field, original.slice(0, index) + character + original.slice(index)));
        expect(parsed.success).toBe(false);
        const issue = parsed.error!.issues.find((candidate) => candidate.path.join(".") === field);
        expect(issue?.message).toBe(CONTROL_CHARACTER_MESSAGE);
      }),
      { numRuns: 150 },
    );
  });

  it("the builders: one-line fields take tab/CR/LF as a space; textareas keep tab, LF and CRLF but refuse a CR of its own", () => {
    expect(requiredText("Inserisci il nome").parse("Anna\tMaria\r\nRossi")).toBe("Anna Maria Rossi");
    expect(optionalText(50).parse("a\rb")).toBe("a b");
    expect(requiredMultiline("Scrivi il testo", 100).parse(" riga uno\r\n\triga due\n")).toBe("riga uno\r\n\triga due");
    expect(optionalMultiline(100).safeParse("riga\rdue").error?.issues[0].message).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(requiredText("Inserisci il nome").safeParse("Anna\u0000").error?.issues[0].message).toBe(CONTROL_CHARACTER_MESSAGE);
    // A surrogate pair (an emoji) is a character like any other.
    expect(requiredText("Inserisci il nome").parse("Anna 😀")).toBe("Anna 😀");
    expect([isCleanLine("😀"), isCleanText("😀\r\n")]).toEqual([true, true]);
    expect([isCleanLine("\ud83d"), isCleanLine("\ude00x"), isCleanLine("\u0085"), isCleanLine("\u007f")]).toEqual([false, false, false, false]);
  });

  it("a search parameter holding a control character is ignored, never queried", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), forbiddenCharacter, fc.string({ maxLength: 10 }), (before, character, after) => {
        expect(param({ cerca: before + character + after }, "cerca")).toBe("");
      }),
    );
    expect(param({ cerca: " Rossi " }, "cerca")).toBe("Rossi");
  });
});
