// POST /valutazione, the public entry point of the satisfaction widget.
// Fuzz: any bad form (a page that is none of ours, a token of the wrong
// shape, stars outside 1–5, an unknown reason, a comment over 200
// characters, control characters, files, repeated fields, the honeypot, any
// content type or body) is a 4xx with an Italian message and writes nothing
// but the rate limits' counters; never a 5xx. A good one stores one row and
// sends the browser back to the same page, at the thanks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMeeting } from "@/lib/test/factories";
import { anyString, badForm, formValue, hugeString, malformedSegment, spoiledFormString, toFormData } from "@/lib/test/fuzz";

const SITE = "http://localhost:3000";
const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.APP_URL = SITE;
process.env.RATE_LIMIT_PER_IP = "100000";
const route = await import("./route");

const meeting = await createMeeting(db);
const draft = await createMeeting(db, { status: "DRAFT" });
const TOKEN = "KnownTok3nDelleProveFuzz_0123456789abcdefgh";

const digest = async () => (await databaseDigest(db)).split("\n").filter((line) => !line.startsWith("rate_limits:")).join("\n");

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return route.POST(new Request(`${SITE}/valutazione`, { method: "POST", headers: { host: "localhost:3000", origin: SITE, ...headers }, body }));
}

const VALID = { path: `/convocazioni/${meeting.slug}`, rating: "4", reason: "CLEAR", comment: "Tutto chiaro", website: "" };

type Mutation = (entries: Map<string, string | Blob>) => void;
const set = (name: string, value: string | Blob): Mutation => (entries) => void entries.set(name, value);

const badPath = fc.oneof(
  malformedSegment.map((segment) => `/convocazioni/${segment}`),
  fc.constantFrom(
    "", "/accedi", "/dashboard", "/dashboard/utenti", "//evil.example/privacy", "https://evil.example/", "/privacy?token=x", "/privacy#x", "/privacy/",
    `/convocazioni/${draft.slug}`, "/convocazioni/non-esiste-affatto", "/invito/corto", `/invito/${TOKEN}x`, "/attestati/NON-UN-CODICE", "/\\evil.example",
    "/convocazioni/../dashboard", "/valutazione", "/api/health",
  ),
  anyString.filter((path) => !path.startsWith("/") || path.length > 1),
);
const faults = fc.oneof(
  badPath.map((path) => set("path", path)),
  fc.oneof(anyString, fc.constantFrom("0", "6", "-1", "4.5", " 4", "4 ", "", "cinque", "1e0", "04")).filter((value) => !/^[1-5]$/.test(value)).map((value) => set("rating", value)),
  fc.oneof(anyString, fc.constantFrom("clear", "ALTRO", "OTHER", "__proto__", "CLEAR ")).filter((value) => value !== "" && !/^[A-Z_]+$/.test(value)).map((value) => set("reason", value)),
  fc.oneof(fc.string({ minLength: 201, maxLength: 400 }).filter((text) => text.trim().length > 200 && !/[\u0000-\u001f\u007f-\u009f]/.test(text)), hugeString, spoiledFormString).map((value) => set("comment", value)),
  fc.constantFrom("path", "rating", "reason", "comment").map((name) => set(name, new Blob(["file"]))),
  fc.constantFrom<Mutation>((entries) => entries.delete("rating"), (entries) => entries.delete("path")),
  anyString.filter((value) => value.trim() !== "").map((value) => set("website", value)),
);

const types = fc.constantFrom("multipart", "urlencoded");

async function send(entries: [string, string | Blob][], type: "multipart" | "urlencoded", accept: string) {
  if (type === "multipart" || entries.some(([, value]) => typeof value !== "string")) return post(toFormData(entries), { accept });
  const body = new URLSearchParams(entries as [string, string][]).toString();
  return post(body, { "content-type": "application/x-www-form-urlencoded", accept });
}

async function expectRefused(response: Response) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const text = await response.text();
  // An Italian message, as JSON for the widget or as a short page for a plain form.
  expect(text).toMatch(/(riprova|non è|non sono|Scegli|rifiutata|massimo|pagina|caratteri|richieste)/i);
}

describe("POST /valutazione refuses a bad form", () => {
  it("any bad form, as a plain post or the widget's fetch: 4xx with an Italian message, nothing stored", async () => {
    await fc.assert(
      fc.asyncProperty(badForm(VALID, faults), types, fc.constantFrom("text/html", "application/json"), async (entries, type, accept) => {
        const before = await digest();
        await expectRefused(await send(entries, type, accept));
        expect(await digest()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it("a field sent twice, any other content type or a body that is no form: 4xx, nothing stored", async () => {
    const bodies = fc.oneof(
      fc.constant<[BodyInit | null, Record<string, string>]>([null, {}]),
      anyString.map((text): [BodyInit | null, Record<string, string>] => [text, { "content-type": "text/plain" }]),
      anyString.map((text): [BodyInit | null, Record<string, string>] => [text, { "content-type": "application/json" }]),
      anyString.map((text): [BodyInit | null, Record<string, string>] => [text, { "content-type": "multipart/form-data; boundary=xyz" }]),
      fc.constant<[BodyInit | null, Record<string, string>]>(["path=%2Fprivacy&rating=4&rating=5", { "content-type": "application/x-www-form-urlencoded" }]),
      fc.constant<[BodyInit | null, Record<string, string>]>(["path=%2Fprivacy&path=%2F&rating=4", { "content-type": "application/x-www-form-urlencoded" }]),
      formValue.map((value): [BodyInit | null, Record<string, string>] => [value, { "content-type": "application/octet-stream" }]),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async ([body, headers]) => {
        const before = await digest();
        await expectRefused(await post(body, headers));
        expect(await digest()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it("another site's browser: 403, nothing stored", async () => {
    const before = await digest();
    const response = await post(new URLSearchParams({ path: "/privacy", rating: "5" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(response.status).toBe(403);
    expect(await digest()).toBe(before);
  });
});

describe("POST /valutazione stores a good one", () => {
  it("a plain post goes back to the same page at the thanks (303), and stores the pattern, never the token", async () => {
    const response = await post(new URLSearchParams({ path: `/invito/${TOKEN}`, rating: "2", reason: "LOST", comment: "Mi chiamo Anna, 3331234567", website: "" }).toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/invito/${TOKEN}#valutazione-grazie`);
    const row = await db.feedback.findFirstOrThrow({ where: { page: "/invito/[token]" } });
    expect(row).toMatchObject({ slug: null, rating: 2, reason: "LOST", comment: "Mi chiamo Anna, [rimosso]" });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
  });

  it("the widget's fetch gets JSON (201), and a convocation's page keeps its slug", async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(VALID)) form.set(name, value);
    const response = await post(form, { accept: "application/json" });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true, message: "Grazie, il tuo parere ci aiuterà a migliorare il servizio!" });
    expect(await db.feedback.count({ where: { page: "/convocazioni/[slug]", slug: meeting.slug, rating: 4, reason: "CLEAR" } })).toBe(1);
  });

  it("any good form is stored once, whatever the stars, reason and comment: never a 4xx or 5xx", async () => {
    const good = fc.record({
      path: fc.constantFrom("/", "/privacy", "/accessibilita", "/scheda-referenti", `/convocazioni/${meeting.slug}/iscrizione`, `/iscrizione/${TOKEN}`, "/attestati/K7QF-2M9X-4HNC-8RTA-ZP3W"),
      rating: fc.constantFrom("1", "2", "3", "4", "5"),
      reason: fc.constantFrom("", "CLEAR", "COMPLETE", "ON_TRACK", "NO_TECHNICAL_PROBLEMS", "OTHER_POSITIVE", "UNCLEAR", "INCOMPLETE", "LOST", "TECHNICAL_PROBLEMS", "OTHER_NEGATIVE"),
      comment: fc.string({ maxLength: 200 }).filter((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text) && text.isWellFormed()),
    });
    await fc.assert(
      fc.asyncProperty(good, async (values) => {
        const before = await db.feedback.count();
        const response = await post(new URLSearchParams(values).toString(), { "content-type": "application/x-www-form-urlencoded" });
        expect(response.status).toBe(303);
        expect(await db.feedback.count()).toBe(before + 1);
      }),
      { numRuns: 60 },
    );
  });
});
