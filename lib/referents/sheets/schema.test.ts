import { describe, expect, test } from "vitest";
import { parseForm } from "@/lib/platform/forms/form-data";
import { emptyReferentSheet, type ReferentSheetRaw } from "./form-fields";
import { referentSheetSchema } from "./schema";

const MUNICIPALITY = "7b0f9c2e-4a1d-4c55-9a3e-2f1a6c8d9e01";

function filled(overrides: Partial<ReferentSheetRaw> = {}): ReferentSheetRaw {
  const values = emptyReferentSheet();
  values.referents[0] = { firstName: "Anna", lastName: "Bianchi", role: "POLITICAL", office: "Sindaca", email: "Anna.Bianchi@Comune.example.it", phone: "" };
  return {
    ...values,
    municipalityId: MUNICIPALITY,
    pec: "protocollo@pec.comune.example.it",
    officerFirstName: "Maria",
    officerLastName: "Rossi",
    officerRoleTitle: "Funzionaria",
    officerEmail: "maria.rossi@comune.example.it",
    privacyConsent: true,
    ...overrides,
  };
}

describe("the scheda's schema, as the server action parses the form", () => {
  test("blank rows are ignored and emails lower-cased", () => {
    const parsed = parseForm(referentSheetSchema, filled(), "referents");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.referents).toEqual([
      { firstName: "Anna", lastName: "Bianchi", role: "POLITICAL", office: "Sindaca", email: "anna.bianchi@comune.example.it", phone: null },
    ]);
  });

  test("a repeated referent email is flagged on the row where it repeats, as the page numbers it", () => {
    const values = filled();
    values.referents[3] = { firstName: "Luca", lastName: "Verdi", role: "TECHNICAL", office: "Ufficio", email: "anna.bianchi@comune.example.it", phone: "" };
    const parsed = parseForm(referentSheetSchema, values, "referents");
    expect(parsed).toMatchObject({ ok: false, fieldErrors: { "referents.3.email": "Questo indirizzo compare già in un altro referente della scheda" } });
  });

  test("no referent, no Comune, no role and no privacy consent each say so in Italian", () => {
    const values = filled({ municipalityId: "", privacyConsent: false });
    values.referents[0] = { ...values.referents[0], role: "" };
    expect(parseForm(referentSheetSchema, values, "referents")).toMatchObject({
      ok: false,
      fieldErrors: {
        municipalityId: "Seleziona il Comune",
        "referents.0.role": "Indica se il referente è politico o tecnico",
        privacyConsent: expect.stringContaining("informativa privacy"),
      },
    });
    expect(parseForm(referentSheetSchema, { ...filled(), referents: emptyReferentSheet().referents }, "referents")).toMatchObject({
      ok: false,
      fieldErrors: { referents: "Indica almeno un referente" },
    });
  });
});
