// Fuzz (issue 12, point 4): the public forms' server actions, called as Next
// calls them (bound arguments, then the previous state and the FormData),
// with inputs that are bad for sure (lib/test/fuzz.ts) — and bad bound
// arguments too. Whatever comes, an action answers an Italian error state:
// it never throws (a 500), never falls back to the generic "unexpected
// error" (a query that failed), and writes nothing.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { GENERIC_ERROR, IDLE, type FormState } from "@/lib/platform/forms/action-state";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMeeting, createMunicipality, registrationInput } from "@/lib/test/factories";
import { anyString, badForm, malformedSegment, spoiledFormString, spoiledString, textFaults, toFormData, type FormEntry } from "@/lib/test/fuzz";
import { generateToken, hashToken } from "@/lib/platform/security/tokens";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.77" }) }));
// Auth.js does not load under vitest; in its place a sign-in that writes as a real request would.
vi.mock("@/lib/auth/auth", async () => {
  const { db: appDb } = await import("@/lib/db");
  return {
    signIn: async (_provider: string, { email }: { email: string }) => {
      await appDb().verificationToken.create({ data: { identifier: email, token: `t-${Math.random()}`, expires: new Date(Date.now() + 600_000) } });
    },
    signOut: async () => {},
  };
});

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "100000";
const { registerAction, updateRegistrationAction, nominateAction, cancelRegistrationAction } = await import("./actions");
const { acceptInvitationAction, declineInvitationAction } = await import("@/lib/invitations/actions");
const { lookupReferentAction } = await import("./link-up/actions");
const { requestSignInAction } = await import("@/lib/auth/actions");
const { register } = await import("./mutations");

const meeting = await createMeeting(db);
const municipality = await createMunicipality(db, "Fuzzopoli");
const registered = await register(db, { slug: meeting.slug, ...registrationInput({ email: "fuzz.iscritta@example.it" }) });
if (!registered.ok) throw new Error("setup: the registration failed");
const personalToken = registered.token;
const invitationToken = generateToken();
await db.invitation.create({
  data: {
    meetingId: meeting.id,
    email: "fuzz.invitata@example.it",
    firstName: "Ida",
    lastName: "Invitata",
    managingBodyName: "Cooperativa",
    tokenHash: hashToken(invitationToken),
    tokenExpiresAt: new Date(Date.now() + 10 * 24 * 3600_000),
  },
});

/** A token that is not one we issued: malformed, or well-formed and unknown. */
const strangeToken = fc.oneof(malformedSegment, fc.constant(null).map(() => randomBytes(32).toString("base64url")));

type Action = (state: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;

/** Runs the action on every input; each answer must be an Italian error state, and the database must not change. */
async function fuzz(inputs: fc.Arbitrary<{ action: Action; entries: FormEntry[] }>, numRuns: number) {
  const before = await databaseDigest(db);
  await fc.assert(
    fc.asyncProperty(inputs, async ({ action, entries }) => {
      const state = await action(IDLE, toFormData(entries));
      expect(state.status).toBe("error");
      if (state.status !== "error") return;
      const messages = [state.formError, ...Object.values(state.fieldErrors)].filter(Boolean);
      expect(messages.length).toBeGreaterThan(0);
      expect(state.formError).not.toBe(GENERIC_ERROR);
    }),
    { numRuns },
  );
  expect(await databaseDigest(db)).toBe(before);
}

const REGISTRATION = {
  firstName: "Anna",
  lastName: "Rossi",
  email: "anna.fuzz@example.it",
  phone: "091 123 4567",
  roleTitle: "Funzionaria",
  organisationType: "ALTRO_ENTE",
  municipalityId: "",
  organisationName: "Ente di prova",
  privacyConsent: "on",
  communicationsConsent: "on",
};
const REGISTRATION_TEXT = { required: ["firstName", "lastName", "email", "roleTitle"], optional: ["phone", "organisationName", "municipalityId"] };
const consentFault = fc.constantFrom<"delete" | "false">("delete", "false").map((how) => (entries: Map<string, string | Blob>) => {
  if (how === "delete") entries.delete("privacyConsent");
  else entries.set("privacyConsent", "false");
});
const nomineeFault = fc.tuple(fc.constantFrom("firstName", "lastName", "email", "managingBodyName"), spoiledFormString).map(
  ([column, value]) =>
    (entries: Map<string, string | Blob>) => {
      entries.set("organisationType", "COMUNE");
      entries.set("municipalityId", municipality.id);
      for (const name of ["firstName", "lastName", "email", "managingBodyName"]) entries.set(`nominees.0.${name}`, name === "email" ? "nuovo@example.it" : "Nome");
      entries.set(`nominees.0.${column}`, value);
    },
);
const registrationFaults = fc.oneof(textFaults(REGISTRATION_TEXT), consentFault, nomineeFault, fc.constant((entries: Map<string, string | Blob>) => void entries.set("website", "http://spam.example")));

describe("fuzz: the public forms' server actions", () => {
  it("registration: 1,000 bad submissions, some for a malformed slug — an Italian error each, nothing written", async () => {
    const slug = fc.oneof({ weight: 4, arbitrary: fc.constant(meeting.slug) }, { weight: 1, arbitrary: malformedSegment });
    const inputs = fc.tuple(slug, badForm(REGISTRATION, registrationFaults)).map(([value, entries]) => ({
      action: registerAction.bind(null, value) as unknown as Action,
      entries,
    }));
    await fuzz(inputs, 1000);
    // A malformed slug with a valid form is refused the same way, before any query.
    await fuzz(
      malformedSegment.map((value) => ({ action: registerAction.bind(null, value) as unknown as Action, entries: Object.entries(REGISTRATION) })),
      200,
    );
  });

  const UPDATE = { firstName: "Anna", lastName: "Rossi", phone: "", roleTitle: "Funzionaria", communicationsConsent: "on" };
  const token = fc.oneof({ weight: 3, arbitrary: fc.constant(personalToken) }, { weight: 1, arbitrary: strangeToken });

  it("personal page, edits: 200 bad submissions (bad data, bad or unknown links)", async () => {
    const inputs = fc.oneof(
      fc.tuple(token, badForm(UPDATE, textFaults({ required: ["firstName", "lastName", "roleTitle"], optional: ["phone"] }))),
      fc.tuple(strangeToken, fc.constant(Object.entries(UPDATE) as FormEntry[])),
    );
    await fuzz(inputs.map(([value, entries]) => ({ action: updateRegistrationAction.bind(null, value) as unknown as Action, entries })), 200);
  });

  it("personal page, new nominees: 200 bad submissions", async () => {
    const valid = { "nominees.0.firstName": "Nino", "nominees.0.lastName": "Nominato", "nominees.0.email": "nino@example.it", "nominees.0.managingBodyName": "Coop" };
    const inputs = fc.oneof(
      fc.tuple(token, badForm(valid, textFaults({ required: Object.keys(valid) }))),
      fc.tuple(strangeToken, fc.constant(Object.entries(valid) as FormEntry[])),
    );
    await fuzz(inputs.map(([value, entries]) => ({ action: nominateAction.bind(null, value) as unknown as Action, entries })), 200);
  });

  it("personal page, cancelling: 200 bad submissions (no confirmation, or a bad link)", async () => {
    const inputs = fc.oneof(
      fc.tuple(token, fc.array(fc.tuple(anyString.filter((name) => name !== "confirm"), anyString), { maxLength: 4 })),
      fc.tuple(strangeToken, fc.constant([["confirm", "on"]] as FormEntry[])),
    );
    await fuzz(inputs.map(([value, entries]) => ({ action: cancelRegistrationAction.bind(null, value) as unknown as Action, entries })), 200);
  });

  it("invitation answer: 200 bad acceptances (bad data, bad or unknown links)", async () => {
    const invitation = fc.oneof({ weight: 3, arbitrary: fc.constant(invitationToken) }, { weight: 1, arbitrary: strangeToken });
    const valid = { ...REGISTRATION, email: "fuzz.invitata@example.it" };
    const inputs = fc.oneof(
      fc.tuple(invitation, badForm(valid, fc.oneof(textFaults({ required: ["firstName", "lastName", "roleTitle"], optional: ["phone", "organisationName", "municipalityId"] }), consentFault))),
      fc.tuple(strangeToken, fc.constant(Object.entries(valid) as FormEntry[])),
    );
    await fuzz(inputs.map(([value, entries]) => ({ action: acceptInvitationAction.bind(null, value) as unknown as Action, entries })), 200);
  });

  it("nominee decline: 200 declines with bad or unknown links", async () => {
    const inputs = fc.tuple(strangeToken, fc.array(fc.tuple(anyString, anyString), { maxLength: 3 }));
    await fuzz(inputs.map(([value, entries]) => ({ action: declineInvitationAction.bind(null, value) as unknown as Action, entries })), 200);
  });

  it("sign-in form: 200 bad addresses", async () => {
    const inputs = fc.tuple(fc.oneof(fc.constant("/dashboard"), anyString), badForm({ email: "coordinatrice@example.it" }, textFaults({ required: ["email"] })));
    await fuzz(inputs.map(([callback, entries]) => ({ action: requestSignInAction.bind(null, callback) as unknown as Action, entries })), 200);
  });

  it("link-up (the known-referent lookup): 200 bad inputs answer null, nothing written", async () => {
    const before = await databaseDigest(db);
    const input = fc.oneof(
      spoiledString.map((email) => ({ email })),
      fc.anything({ maxDepth: 3 }).filter((value) => !(typeof value === "object" && value !== null && "email" in value)),
      fc.record({ email: fc.oneof(anyString.filter((value) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)), fc.integer(), fc.constant(null)) }),
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        expect(await lookupReferentAction(value)).toBeNull();
      }),
      { numRuns: 200 },
    );
    expect(await databaseDigest(db)).toBe(before);
  });
});
