// Fuzz: the two public endpoints of the unsubscribe link — the one-click POST
// (RFC 8058) and the page's button — with any token in the path, any body and
// content type, any headers a mail provider or a browser might send. Every
// answer is a 2xx/3xx or a 4xx, never a 5xx; a bad request (malformed or
// unknown token, a body that is not List-Unsubscribe=One-Click, another
// site's browser) writes nothing but the rate limits' counters; only a known
// token withdraws, and only its own person's consent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/platform/security/tokens";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { anyString, hugeString, malformedSegment, spoiledString } from "@/lib/test/fuzz";

const SITE = "http://localhost:3000";
const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.APP_URL = SITE;
process.env.RATE_LIMIT_PER_IP = "100000";
process.env.RATE_LIMIT_PER_EMAIL = "100000";
const oneClickRoute = await import("@/app/api/comunicazioni/disiscrizione/[token]/route");
const confirmRoute = await import("@/app/(public)/comunicazioni/disiscrizione/[token]/conferma/route");

// One person who consents, with a known link: a bad request must leave her as she is.
const KNOWN = "KnownTok3nDelleProveFuzz_0123456789abcdefgh";
const person = await db.person.create({
  data: { email: "fuzz.consenso@example.it", firstName: "Fausta", lastName: "Fuzz", communicationsConsent: true, communicationsConsentAt: new Date() },
});
await db.unsubscribeToken.create({ data: { tokenHash: hashToken(KNOWN), personId: person.id, email: person.email } });

const digest = async () => (await databaseDigest(db)).split("\n").filter((line) => !line.startsWith("rate_limits:")).join("\n");

const wellFormedUnknown = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).filter((token) => token !== KNOWN);
const badToken = fc.oneof(malformedSegment, wellFormedUnknown, anyString.filter((token) => token !== KNOWN), fc.constant(KNOWN.slice(1)), fc.constant(`${KNOWN}=`));

const contentType = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "multipart/form-data",
  "text/plain",
  "application/json",
  "",
);

/** Bodies that are not List-Unsubscribe=One-Click, whatever the content type says. */
const badBody = fc.oneof(
  fc.constant(""),
  anyString.filter((body) => new URLSearchParams(body.trim()).get("List-Unsubscribe") !== "One-Click"),
  spoiledString,
  hugeString,
  fc.constantFrom("List-Unsubscribe=one-click", "List-Unsubscribe=", "list-unsubscribe=One-Click", "List-Unsubscribe=One-Click%00", "--xyz\r\nbroken", "\uFFFD\uD800"),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Blob([Uint8Array.from([0xff, 0xfe, ...bytes])])),
);

const browserHeaders = fc.oneof(
  fc.constant<Record<string, string>>({}),
  fc.constant<Record<string, string>>({ origin: SITE, "sec-fetch-site": "same-origin" }),
  fc.constant<Record<string, string>>({ "sec-fetch-site": "none" }),
);
const foreignHeaders = fc.constantFrom<Record<string, string>>(
  { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
  { "sec-fetch-site": "same-site" },
  { origin: "evil" },
);

function request(path: string, body: string | Blob, type: string, headers: Record<string, string>) {
  return new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { host: "localhost:3000", ...(type ? { "content-type": type } : {}), ...headers },
    body,
  });
}

// The handler reads the token from its params, as Next decoded it; the URL only has to be one (a lone surrogate cannot be encoded).
const inPath = (token: string) => (token.isWellFormed() ? encodeURIComponent(token) : "segmento");

const oneClick = (token: string, body: string | Blob, type: string, headers: Record<string, string>) =>
  oneClickRoute.POST(request(`/api/comunicazioni/disiscrizione/${inPath(token)}`, body, type, headers), { params: Promise.resolve({ token }) });

const button = (token: string, body: string | Blob, type: string, headers: Record<string, string>) =>
  confirmRoute.POST(request(`/comunicazioni/disiscrizione/${inPath(token)}/conferma`, body, type, headers), { params: Promise.resolve({ token }) });

async function expectNothingWritten(run: () => Promise<Response>) {
  const before = await digest();
  const response = await run();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(await digest()).toBe(before);
}

describe("the one-click POST", () => {
  it("any bad token, whatever the body: 404 (or 403 from another site), nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(badToken, fc.oneof(fc.constant("List-Unsubscribe=One-Click"), badBody), contentType, fc.oneof(browserHeaders, foreignHeaders), async (token, body, type, headers) =>
        expectNothingWritten(() => oneClick(token, body, type, headers)),
      ),
      { numRuns: 250 },
    );
  });

  it("the known token with a body that is not List-Unsubscribe=One-Click: 400, her consent kept", async () => {
    await fc.assert(
      fc.asyncProperty(badBody, contentType, browserHeaders, async (body, type, headers) => expectNothingWritten(() => oneClick(KNOWN, body, type, headers))),
      { numRuns: 250 },
    );
  });

  it("the known token from another site's browser: 403, her consent kept", async () => {
    await fc.assert(
      fc.asyncProperty(foreignHeaders, async (headers) => expectNothingWritten(() => oneClick(KNOWN, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", headers))),
      { numRuns: 20 },
    );
  });
});

describe("the page's button", () => {
  it("any bad token, any body: 404 (or 403 from another site), nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(badToken, badBody, contentType, fc.oneof(browserHeaders, foreignHeaders), async (token, body, type, headers) =>
        expectNothingWritten(() => button(token, body, type, headers)),
      ),
      { numRuns: 250 },
    );
  });
});

describe("and then the real thing", () => {
  it("the known token withdraws her consent only, whatever the button's body; every later click of either answers without a 5xx", async () => {
    const others = await db.person.count({ where: { communicationsConsent: true } });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).communicationsConsent).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.boolean(), badBody, contentType, async (viaButton, body, type) => {
        const response = viaButton
          ? await button(KNOWN, body, type, { origin: SITE })
          : await oneClick(KNOWN, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", {});
        expect([200, 303]).toContain(response.status);
      }),
      { numRuns: 30 },
    );
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).communicationsConsent).toBe(false);
    expect(await db.person.count({ where: { communicationsConsent: true } })).toBe(others - 1);
    expect(await db.auditEntry.count({ where: { entityId: person.id, action: "person.communications-withdraw" } })).toBe(1);
  });
});
