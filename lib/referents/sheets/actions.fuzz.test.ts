// Fuzz (issue 12, point 4): the public scheda referenti's server action,
// called as Next calls it (the previous state and the FormData), with 1,000
// submissions that are bad for sure (lib/test/fuzz.ts). Each answer is an
// Italian error state — never a throw (a 500), never the generic "unexpected
// error" (a query that failed) — and nothing is written.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { GENERIC_ERROR, IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMunicipality } from "@/lib/test/factories";
import { badForm, spoiledFormString, textFaults, toFormData } from "@/lib/test/fuzz";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.78" }) }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "100000";
const { submitReferentSheetAction } = await import("./actions");

const municipality = await createMunicipality(db, "Schedopoli");

const REFERENT = (index: number) => ({
  [`referents.${index}.firstName`]: "Anna",
  [`referents.${index}.lastName`]: "Bianchi",
  [`referents.${index}.role`]: "POLITICAL",
  [`referents.${index}.office`]: "Sindaca",
  [`referents.${index}.email`]: `anna.${index}@comune.example.it`,
  [`referents.${index}.phone`]: "",
});

const SHEET = {
  municipalityId: municipality.id,
  pec: "protocollo@pec.comune.example.it",
  ...REFERENT(0),
  ...REFERENT(1),
  officerFirstName: "Maria",
  officerLastName: "Rossi",
  officerRoleTitle: "Funzionaria",
  officerEmail: "maria.rossi@comune.example.it",
  officerPhone: "",
  privacyConsent: "on",
  communicationsConsent: "on",
};

const REQUIRED = ["municipalityId", "pec", "officerFirstName", "officerLastName", "officerRoleTitle", "officerEmail"];
const ROW_REQUIRED = ["firstName", "lastName", "office", "email"].flatMap((column) => [`referents.0.${column}`, `referents.1.${column}`]);
const faults = fc.oneof(
  textFaults({ required: REQUIRED, optional: ["officerPhone", "referents.0.phone", "referents.1.phone"] }),
  // A referent row's own field, spoiled (so the row is not blank, and ignored, either).
  fc.tuple(fc.constantFrom(...ROW_REQUIRED), spoiledFormString).map(([name, value]) => (entries: Map<string, string | Blob>) => void entries.set(name, value)),
  fc.constantFrom("referents.0.role", "referents.1.role").map((name) => (entries: Map<string, string | Blob>) => void entries.set(name, "SINDACO")),
  fc.constant((entries: Map<string, string | Blob>) => void entries.delete("privacyConsent")),
  fc.constant((entries: Map<string, string | Blob>) => void entries.set("referents.1.email", String(entries.get("referents.0.email")))),
  fc.constant((entries: Map<string, string | Blob>) => void entries.set("website", "http://spam.example")),
  // Too many rows: six referents.
  fc.constant((entries: Map<string, string | Blob>) => {
    for (let index = 0; index < 6; index++) for (const [name, value] of Object.entries(REFERENT(index))) entries.set(name, value);
  }),
);

describe("fuzz: the scheda referenti's server action", () => {
  it("1,000 bad submissions: an Italian error each, nothing written", async () => {
    const before = await databaseDigest(db);
    await fc.assert(
      fc.asyncProperty(badForm(SHEET, faults), async (entries) => {
        const state = await submitReferentSheetAction(IDLE, toFormData(entries));
        expect(state.status).toBe("error");
        if (state.status !== "error") return;
        expect([state.formError, ...Object.values(state.fieldErrors)].filter(Boolean).length).toBeGreaterThan(0);
        expect(state.formError).not.toBe(GENERIC_ERROR);
      }),
      { numRuns: 1000 },
    );
    expect(await databaseDigest(db)).toBe(before);
  });
});
