// Fuzz (issue 12, point 4): the public registration API with 1,000 requests
// that are bad for sure — wrong types, missing and extra fields, NUL and
// other control characters or lone surrogates in every string, huge strings,
// deep nesting, invalid JSON text, wrong content types, malformed slugs, a
// foreign Origin. Every answer is a 4xx (never a 5xx), and nothing is written.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMeeting, createMunicipality } from "@/lib/test/factories";
import { anyJson, anyString, hugeString, malformedSegment, spoiledString } from "@/lib/test/fuzz";

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "100000";
const { POST } = await import("./route");

const meeting = await createMeeting(db);
const municipality = await createMunicipality(db, "Apiopoli");

type Body = Record<string, unknown>;
const VALID: Body = {
  firstName: "Giuseppe",
  lastName: "Verdi",
  email: "api.fuzz@example.it",
  phone: "091 123 4567",
  roleTitle: "Funzionario",
  organisationType: "ALTRO_ENTE",
  organisationName: "Ente di prova",
  privacyConsent: true,
  communicationsConsent: false,
  nominees: [],
};
const FIELDS = Object.keys(VALID);
const REQUIRED_TEXT = ["firstName", "lastName", "email", "roleTitle"];
const TEXT = [...REQUIRED_TEXT, "phone", "organisationName", "municipalityId", "website"];
const NOMINEE = { firstName: "Nina", lastName: "Nominata", email: "nina@example.it", managingBodyName: "Coop" };

type Change = (body: Body) => void;
const notString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(anyString, { maxLength: 3 }), fc.dictionary(anyString, anyString, { maxKeys: 3 }));

// Noise: may or may not make the body bad.
const noise: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(anyJson, anyString)).map(([name, value]) => (body: Body) => void (body[name] = value)),
  fc.constantFrom(...FIELDS).map((name) => (body: Body) => void delete body[name]),
  fc.tuple(anyString, anyJson).map(([name, value]) => (body: Body) => void (body[name] = value)),
  fc.array(fc.oneof(anyJson, fc.constant(NOMINEE)), { maxLength: 12 }).map((rows) => (body: Body) => void (body.nominees = rows)),
  fc.constant((body: Body) => {
    body.organisationType = "COMUNE";
    body.municipalityId = municipality.id;
  }),
);

// Faults: each makes the body bad, whatever the noise did before it.
const fault: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constantFrom(...TEXT), spoiledString).map(([name, value]) => (body: Body) => void (body[name] = value)),
  fc.tuple(fc.constantFrom(...TEXT.filter((name) => name !== "website")), hugeString).map(([name, value]) => (body: Body) => void (body[name] = value)),
  fc.tuple(fc.constantFrom(...REQUIRED_TEXT), notString).map(([name, value]) => (body: Body) => void (body[name] = value)),
  fc.constantFrom(...REQUIRED_TEXT, "privacyConsent", "organisationType").map((name) => (body: Body) => void delete body[name]),
  fc.constantFrom(false, "false", "no", 0, 1, null, "").map((value) => (body: Body) => void (body.privacyConsent = value)),
  fc.oneof(anyString.filter((value) => !["COMUNE", "ENTE_GESTORE", "ALTRO_ENTE"].includes(value)), notString).map((value) => (body: Body) => void (body.organisationType = value)),
  fc.tuple(fc.constantFrom(...Object.keys(NOMINEE)), fc.oneof(spoiledString, notString, hugeString)).map(
    ([name, value]) =>
      (body: Body) =>
        void (body.nominees = [{ ...NOMINEE, [name]: value }]),
  ),
  fc.constant((body: Body) => void (body.nominees = Array.from({ length: 11 }, (_, index) => ({ ...NOMINEE, email: `n${index}@example.it` })))),
);

const badObject = fc.tuple(fc.array(noise, { maxLength: 5 }), fc.array(fault, { minLength: 1, maxLength: 3 })).map(([changes, faults]) => {
  const body = structuredClone(VALID);
  for (const change of [...changes, ...faults]) change(body);
  return JSON.stringify(body);
});

/** JSON that is no registration at all: not an object, or an object without the privacy consent. */
const strangeJson = anyJson.map((value) => {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) delete (value as Body).privacyConsent;
  return JSON.stringify(value) ?? "null";
});

const invalidJsonText = fc.oneof(
  anyString.filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
  fc.nat().map((cut) => {
    const text = JSON.stringify(VALID);
    return text.slice(0, cut % (text.length - 1));
  }),
  fc.constantFrom('{"firstName": "\\ud800', "{'a': 1}", "[1,]", "\u0000", '{"a":1}}', "nul"),
);

type Sent = { slug: string; body: string; contentType: string | null; origin: string | null };

const request: fc.Arbitrary<Sent> = fc.record({
  slug: fc.oneof({ weight: 5, arbitrary: fc.constant(meeting.slug) }, { weight: 1, arbitrary: malformedSegment }),
  body: fc.oneof({ weight: 6, arbitrary: badObject }, { weight: 2, arbitrary: strangeJson }, { weight: 2, arbitrary: invalidJsonText }),
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
    { weight: 2, arbitrary: fc.constantFrom(null, "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/xml", "") },
  ),
  origin: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("null", "https://evil.example", "http://localhost.evil.example") }),
});

function send({ slug, body, contentType, origin }: Sent): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": "198.51.100.7" });
  if (contentType !== null) headers.set("content-type", contentType);
  if (origin !== null) headers.set("origin", origin);
  // Next hands the handler the decoded slug in params; the address itself is not read.
  const sent = new Request("http://localhost/api/convocazioni/slug/iscrizioni", { method: "POST", headers, body });
  // Without a content type a string body gets text/plain: remove it, as a client sending none would.
  if (contentType === null) sent.headers.delete("content-type");
  return POST(sent, { params: Promise.resolve({ slug }) });
}

describe("fuzz: POST /api/convocazioni/[slug]/iscrizioni", () => {
  it("1,000 bad requests: each a 4xx, none a 5xx, nothing written", async () => {
    const before = await databaseDigest(db);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        const response = await send(sent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { ok: boolean; message: string };
        expect(body.ok).toBe(false);
        expect(body.message).toMatch(/[a-zà-ù]{3}/i);
      }),
      { numRuns: 1000 },
    );
    expect(await databaseDigest(db)).toBe(before);
    // The requests reached each refusal: validation, bad JSON, media type, unknown slug.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 404, 415]));
  });
});
