import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { nominateSchema, registrationSchema } from "../../registrations/schema";
import { defineForm, emptyValues, formOf, pageOrder, parseForm, readForm, restoreRowIndex, schemaKeys, withoutBlankRows, type FormValues } from "./form-data";

const shape = defineForm({
  text: ["firstName", "email"],
  checkboxes: ["privacyConsent", "communicationsConsent"],
  rows: { nominees: ["firstName", "email"] },
});

function formData(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("readForm", () => {
  it("reads only the form's own names, unchecked boxes as false and rows in index order", () => {
    const values = readForm(
      formData([
        ["$ACTION_1:0", "{}"],
        ["firstName", "Maria"],
        ["privacyConsent", "on"],
        ["nominees.1.firstName", "Anna"],
        ["nominees.0.firstName", "Luca"],
        ["nominees.0.email", "luca@example.it"],
        ["nominees.x.email", "ignored"],
      ]),
      shape,
    );
    expect(values).toEqual({
      firstName: "Maria",
      email: "",
      privacyConsent: true,
      communicationsConsent: false,
      nominees: [
        { firstName: "Luca", email: "luca@example.it" },
        { firstName: "Anna", email: "" },
      ],
    });
  });

  it("does not allocate for a hostile row index", () => {
    const values = readForm(formData([["nominees.99999999.email", "a@b.it"], ["nominees.7.email", "c@d.it"]]), shape);
    expect(values.nominees).toEqual([{ firstName: "", email: "c@d.it" }]);
  });
});

describe("rows nobody filled in", () => {
  it("are dropped, and each kept row remembers where it was", () => {
    const rows = [{ a: " " }, { a: "x" }, { a: "" }, { a: "y" }];
    expect(withoutBlankRows(rows)).toEqual({ rows: [{ a: "x" }, { a: "y" }], indexes: [1, 3] });
    expect(restoreRowIndex("nominees.1.email", "nominees", [1, 3])).toBe("nominees.3.email");
    expect(restoreRowIndex("email", "nominees", [1, 3])).toBe("email");
  });

  it("an error on a filled row is reported on that row as the user sees it", () => {
    const parsed = parseForm(
      nominateSchema,
      {
        nominees: [
          { firstName: "", lastName: "", email: "", managingBodyName: "" },
          { firstName: "Anna", lastName: "Verdi", email: "non-valida", managingBodyName: "Cooperativa" },
        ],
      },
      "nominees",
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { "nominees.1.email": "Inserisci un indirizzo email valido, ad esempio nome@comune.it" },
    });
  });

  it("a form with only blank rows has no rows", () => {
    const parsed = parseForm(
      registrationSchema,
      {
        firstName: "Maria",
        lastName: "Rossi",
        email: "maria@comune.example.it",
        phone: "",
        roleTitle: "Assessora",
        organisationType: "ALTRO_ENTE",
        municipalityId: "",
        organisationName: "Prefettura",
        privacyConsent: true,
        communicationsConsent: false,
        nominees: [{ firstName: "", lastName: "", email: "", managingBodyName: "" }],
      },
      "nominees",
    );
    expect(parsed.ok && parsed.data.nominees).toEqual([]);
  });
});

describe("a form read from its schema", () => {
  const row = z.object({ name: z.string(), email: z.string() });
  const schema = z
    .object({
      email: z.string(),
      people: z.array(row),
      firstName: z.string(),
      privacyConsent: z.boolean(),
      website: z.string().optional(),
      role: z.string(),
    })
    .superRefine(() => {});
  const form = formOf(schema, { checkboxes: ["privacyConsent"], rows: { people: row }, omit: ["website"] });

  it("sends the keys that are neither checkboxes, rows nor omitted as text, in the schema's order", () => {
    expect(schemaKeys(row)).toEqual(["name", "email"]);
    expect(form).toEqual({
      text: ["email", "firstName", "role"],
      checkboxes: ["privacyConsent"],
      rows: { people: ["name", "email"] },
      order: ["email", "people", "firstName", "privacyConsent", "role"],
    });
    expect(emptyValues(form)).toEqual({ email: "", firstName: "", role: "", privacyConsent: false, people: [] });
  });

  it("types the values with the schema's names", () => {
    type Values = FormValues<typeof form>;
    expectTypeOf<keyof Values>().toEqualTypeOf<"email" | "firstName" | "role" | "privacyConsent" | "people">();
    expectTypeOf<Values["role"]>().toEqualTypeOf<string>();
    expectTypeOf<Values["privacyConsent"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Values["people"]>().toEqualTypeOf<Array<{ name: string; email: string }>>();
    expectTypeOf(formOf(row).text).toEqualTypeOf<readonly ("name" | "email")[]>();
  });

  it("lists the paths in page order, each row's fields after the repeated field", () => {
    expect(pageOrder(form)).toEqual(["email", "people", "firstName", "privacyConsent", "role"]);
    expect(pageOrder(form, { people: 2 })).toEqual([
      "email",
      "people",
      "people.0.name",
      "people.0.email",
      "people.1.name",
      "people.1.email",
      "firstName",
      "privacyConsent",
      "role",
    ]);
  });
});
