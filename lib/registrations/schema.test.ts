import { describe, expect, it } from "vitest";
import { NOMINEES_ONLY_FOR_COMUNE, nominateSchema, publicRegistrationSchema, registrationSchema } from "./schema";

const nominee = (email: string) => ({ firstName: "Luca", lastName: "Neri", email, managingBodyName: "Coop" });
const base = {
  firstName: "Maria",
  lastName: "Rossi",
  email: "maria@comune.example.it",
  roleTitle: "Assessora",
  organisationType: "COMUNE",
  municipalityId: "0b9e2f5c-1b2a-4c3d-8e9f-0a1b2c3d4e5f",
  privacyConsent: "on",
};

describe("registration schema", () => {
  it("normalises the email and accepts Italian phone numbers", () => {
    for (const phone of ["091 123 4567", "+39 333 1234567", "0039 06-12345678", "3331234567", ""]) {
      const parsed = registrationSchema.safeParse({ ...base, email: " Maria@Comune.Example.IT ", phone });
      expect(parsed.success, phone).toBe(true);
      if (parsed.success) expect(parsed.data.email).toBe("maria@comune.example.it");
    }
    expect(registrationSchema.safeParse({ ...base, phone: "12ab" }).success).toBe(false);
  });

  it("asks for the municipality of a Comune and the name of any other body", () => {
    const comune = registrationSchema.safeParse({ ...base, municipalityId: "" });
    expect(comune.error?.issues.map((i) => i.path.join("."))).toEqual(["municipalityId"]);
    const other = registrationSchema.safeParse({ ...base, organisationType: "ENTE_GESTORE", municipalityId: "" });
    expect(other.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["organisationName", "Indica il nome dell'ente"]]);
  });

  it("requires the privacy consent", () => {
    const parsed = registrationSchema.safeParse({ ...base, privacyConsent: undefined });
    expect(parsed.error?.issues[0].message).toMatch(/informativa privacy/);
  });

  it("refuses a nominee named twice or the registrant as nominee", () => {
    const repeated = registrationSchema.safeParse({ ...base, nominees: [nominee("a@coop.it"), nominee("A@coop.it"), nominee(base.email)] });
    expect(repeated.error?.issues.map((i) => i.path.join("."))).toEqual(["nominees.1.email", "nominees.2.email"]);
    const more = nominateSchema.safeParse({ nominees: [nominee("b@coop.it"), nominee("b@coop.it")] });
    expect(more.error?.issues.map((i) => i.path.join("."))).toEqual(["nominees.1.email"]);
  });

  it("on the public form, lets only someone registering for a Comune nominate enti gestori", () => {
    const other = { ...base, organisationType: "ALTRO_ENTE", municipalityId: "", organisationName: "Prefettura" };
    const refused = publicRegistrationSchema.safeParse({ ...other, nominees: [nominee("c@coop.it")] });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["nominees", NOMINEES_ONLY_FOR_COMUNE]]);
    expect(publicRegistrationSchema.safeParse({ ...other, nominees: [] }).success).toBe(true);
    expect(publicRegistrationSchema.safeParse({ ...base, nominees: [nominee("c@coop.it")] }).success).toBe(true);
  });
});
