import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatAddress } from "@/lib/platform/email-transport/address";
import { nomineeSchema, registrationSchema, updateRegistrationSchema } from "@/lib/registrations/schema";
import { optionalText, requiredText, singleLine } from "./fields";

const pieces = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("\r\n", "\n", "\r", "\t", "  ", " \t\n ")), { maxLength: 12 });
const withBreaks = pieces.map((parts) => parts.join(""));
const SINGLE_LINE = (value: string) => !/[\r\n\t]/.test(value) && !/\s{2}/.test(value) && value === value.trim();

describe("single-line text fields", () => {
  it("requiredText and optionalText store one line: CR/LF/tab become one space, whitespace collapsed, trimmed", () => {
    fc.assert(
      fc.property(withBreaks, (value) => {
        for (const schema of [requiredText("Inserisci il nome", 500), optionalText(500)]) {
          const parsed = schema.safeParse(value);
          if (parsed.success) {
            expect(SINGLE_LINE(parsed.data)).toBe(true);
            expect(parsed.data).toBe(singleLine(value));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("every single-line field of the registration forms is normalised", () => {
    fc.assert(
      fc.property(withBreaks.filter((value) => singleLine(value).length > 0 && value.length <= 100), (name) => {
        const nominee = nomineeSchema.parse({ firstName: name, lastName: name, email: "n@example.it", managingBodyName: name });
        expect([nominee.firstName, nominee.lastName, nominee.managingBodyName]).toEqual([singleLine(name), singleLine(name), singleLine(name)]);
        const update = updateRegistrationSchema.parse({ firstName: name, lastName: name, roleTitle: name, phone: "" });
        expect([update.firstName, update.lastName, update.roleTitle].every(SINGLE_LINE)).toBe(true);
        const registration = registrationSchema.parse({
          firstName: name,
          lastName: name,
          email: "r@example.it",
          roleTitle: name,
          organisationType: "ALTRO_ENTE",
          organisationName: name,
          privacyConsent: true,
        });
        expect([registration.firstName, registration.lastName, registration.roleTitle, registration.organisationName ?? ""].every(SINGLE_LINE)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the forged first name of the issue is stored and addressed as one line, with a space for the line break", () => {
    const parsed = updateRegistrationSchema.parse({ firstName: "Mario\r\nBcc: x@y", lastName: "Rossi", roleTitle: "Sindaco", phone: "" });
    expect(parsed.firstName).toBe("Mario Bcc: x@y");
    expect(formatAddress("m@example.it", "Mario\r\nBcc: x@y Rossi")).toBe('"Mario Bcc: x@y Rossi" <m@example.it>');
  });
});
