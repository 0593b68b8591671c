// Resend's webhook, signed with the real Svix scheme (lib/test/svix.ts writes
// the HMAC out by hand): a valid event records the message's delivery state
// with the event's time; a bad, missing or stale signature is 401 with
// nothing changed; the same event twice changes nothing; a "delivered" after
// a bounce leaves it bounced; a hard bounce or a complaint puts the address on
// the suppression list. Then 600 arbitrary requests: never a 5xx, never a
// write without a valid signature.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { anyJson, anyString } from "@/lib/test/fuzz";
import { newWebhookSecret, resendEvent, signedHeaders, svixSignature } from "@/lib/test/svix";
import { markEmailSent } from "@/lib/email/mutations";
import { judgeRequest } from "@/lib/platform/http/refusals";
import { undeliverableAddresses } from "@/lib/email/suppression/queries";

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const SECRET = newWebhookSecret();
process.env.RESEND_WEBHOOK_SECRET = SECRET;
const { POST } = await import("./route");

const SITE = "http://localhost:3000";
const PATH = "/api/webhooks/resend";

function post(body: string, headers: Record<string, string>): Promise<Response> {
  return POST(new Request(`${SITE}${PATH}`, { method: "POST", body, headers: { host: "localhost:3000", ...headers } }));
}

function signedPost(body: string, options: { id?: string; timestamp?: number } = {}) {
  return post(body, signedHeaders({ secret: SECRET, body, ...options }));
}

let counter = 0;
/** A message our worker sent through Resend: SENT, with Resend's email id. */
async function sentMessage(toEmail = `referente.${++counter}@comune.example.it`, template: "coverage-reminder" | "sign-in-link" = "coverage-reminder") {
  const message = await db.emailMessage.create({
    data: { template, toEmail, data: SAMPLE_DATA[template], status: "SENDING" },
  });
  const providerId = `re_${message.id.slice(0, 8)}_${counter}`;
  await markEmailSent(db, { id: message.id, delivery: { transport: "resend", providerId } });
  return { id: message.id, providerId, toEmail };
}

const stateOf = (id: string) => db.emailMessage.findUniqueOrThrow({ where: { id }, select: { deliveryState: true, deliveryStateAt: true, deliveredAt: true } });

beforeEach(() => {
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
});
afterEach(() => {
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
});

describe("POST /api/webhooks/resend", () => {
  it("records a delivery with the event's time, matched by the message tag or by Resend's email id", async () => {
    const byTag = await sentMessage();
    const at = "2026-12-02T10:15:30.123Z";
    const response = await signedPost(resendEvent({ type: "email.delivered", emailId: "re_unknown", messageId: byTag.id, createdAt: at }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("Evento registrato.");
    expect(await stateOf(byTag.id)).toEqual({ deliveryState: "DELIVERED", deliveryStateAt: new Date(at), deliveredAt: new Date(at) });

    // The Standard Webhooks names of the same headers.
    const standard = await sentMessage();
    const standardBody = resendEvent({ type: "email.delivered", emailId: standard.providerId, messageId: standard.id });
    const svix = signedHeaders({ secret: SECRET, body: standardBody });
    const renamed = Object.fromEntries(Object.entries(svix).map(([name, value]) => [name.replace(/^svix-/, "webhook-"), value]));
    expect((await post(standardBody, renamed)).status).toBe(200);
    expect((await stateOf(standard.id)).deliveryState).toBe("DELIVERED");

    const byId = await sentMessage();
    expect((await signedPost(resendEvent({ type: "email.delivery_delayed", emailId: byId.providerId, createdAt: at }))).status).toBe(200);
    expect((await stateOf(byId.id)).deliveryState).toBe("DELAYED");
    const event = await db.emailEvent.findFirstOrThrow({ where: { emailMessageId: byId.id } });
    expect(event).toMatchObject({ type: "email.delivery_delayed", providerEmailId: byId.providerId, occurredAt: new Date(at) });
  });

  it("records bounced, complained and failed; a hard bounce and a complaint suppress the address, a soft bounce does not", async () => {
    const hard = await sentMessage("Rimbalzo.Duro@Comune.Example.it");
    const soft = await sentMessage();
    const spam = await sentMessage();
    const failed = await sentMessage();
    for (const [message, type, bounceType] of [
      [hard, "email.bounced", "Permanent"],
      [soft, "email.bounced", "Transient"],
      [spam, "email.complained", undefined],
      [failed, "email.failed", undefined],
    ] as const) {
      const response = await signedPost(resendEvent({ type, emailId: message.providerId, messageId: message.id, bounceType }));
      expect(response.status, type).toBe(200);
    }
    expect((await stateOf(hard.id)).deliveryState).toBe("BOUNCED");
    expect((await stateOf(soft.id)).deliveryState).toBe("BOUNCED");
    expect((await stateOf(spam.id)).deliveryState).toBe("COMPLAINED");
    expect((await stateOf(failed.id)).deliveryState).toBe("FAILED");
    const suppressed = await undeliverableAddresses(db, [hard.toEmail, soft.toEmail, spam.toEmail, failed.toEmail]);
    expect(Object.fromEntries(suppressed)).toEqual({ "rimbalzo.duro@comune.example.it": "BOUNCED", [spam.toEmail]: "COMPLAINED" });
    const row = await db.emailSuppression.findUniqueOrThrow({ where: { address: "rimbalzo.duro@comune.example.it" } });
    expect(row.emailMessageId).toBe(hard.id);
    expect((await db.emailEvent.findFirstOrThrow({ where: { emailMessageId: hard.id } })).detail).toBe("Permanent/General");
  });

  it("refuses a bad, missing or stale signature with 401 and an Italian text, changing nothing", async () => {
    const message = await sentMessage();
    const body = resendEvent({ type: "email.bounced", emailId: message.providerId, messageId: message.id });
    const good = signedHeaders({ secret: SECRET, body });
    const now = Math.floor(Date.now() / 1000);
    const stale = now - 6 * 60;
    const variants: Record<string, string>[] = [
      { ...good, "svix-signature": svixSignature({ secret: newWebhookSecret(), id: good["svix-id"], timestamp: now, body }) },
      { ...good, "svix-signature": "v1,AAAA" },
      { ...good, "svix-signature": good["svix-signature"].replace(/^v1,/, "v2,") },
      { ...good, "svix-id": `${good["svix-id"]}x` },
      { ...good, "svix-timestamp": String(now + 1) },
      Object.fromEntries(Object.entries(good).filter(([name]) => name !== "svix-signature")),
      Object.fromEntries(Object.entries(good).filter(([name]) => name !== "svix-id")),
      Object.fromEntries(Object.entries(good).filter(([name]) => name !== "svix-timestamp")),
      { "content-type": "application/json" },
      signedHeaders({ secret: SECRET, body, timestamp: stale }),
      signedHeaders({ secret: SECRET, body, timestamp: now + 6 * 60 }),
    ];
    const before = await databaseDigest(db);
    for (const headers of variants) {
      const response = await post(body, headers);
      expect(response.status).toBe(401);
      expect(await response.text()).toMatch(/^Firma del webhook (mancante|non valida o scaduta)\.$/);
    }
    // The same headers on another body.
    expect((await post(body.replace("Permanent", "Transient"), good)).status).toBe(401);
    expect(await databaseDigest(db)).toBe(before);
    expect(await stateOf(message.id)).toEqual({ deliveryState: null, deliveryStateAt: null, deliveredAt: null });
  });

  it("the same event twice changes nothing the second time", async () => {
    const message = await sentMessage();
    const body = resendEvent({ type: "email.bounced", emailId: message.providerId, messageId: message.id });
    const id = "msg_same_event_twice";
    expect(await (await signedPost(body, { id })).text()).toBe("Evento registrato.");
    const after = await databaseDigest(db);
    const again = await signedPost(body, { id });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe("Evento già registrato.");
    expect(await databaseDigest(db)).toBe(after);
    // Even a retry of an event that arrived with a later time: the id decides.
    const delivered = resendEvent({ type: "email.delivered", emailId: message.providerId, messageId: message.id });
    expect((await signedPost(delivered, { id })).status).toBe(200);
    expect(await databaseDigest(db)).toBe(after);
    expect(await db.emailEvent.count({ where: { providerEventId: id } })).toBe(1);
  });

  it("a 'delivered' that arrives after the bounce leaves the message bounced; a delay after delivery leaves it delivered", async () => {
    const bounced = await sentMessage();
    await signedPost(resendEvent({ type: "email.bounced", emailId: bounced.providerId, createdAt: "2026-12-02T10:00:05.000Z" }));
    await signedPost(resendEvent({ type: "email.delivered", emailId: bounced.providerId, createdAt: "2026-12-02T10:00:01.000Z" }));
    expect(await stateOf(bounced.id)).toEqual({ deliveryState: "BOUNCED", deliveryStateAt: new Date("2026-12-02T10:00:05.000Z"), deliveredAt: null });

    const delivered = await sentMessage();
    await signedPost(resendEvent({ type: "email.delivered", emailId: delivered.providerId, createdAt: "2026-12-02T10:00:05.000Z" }));
    await signedPost(resendEvent({ type: "email.delivery_delayed", emailId: delivered.providerId, createdAt: "2026-12-02T10:00:01.000Z" }));
    expect((await stateOf(delivered.id)).deliveryState).toBe("DELIVERED");
  });

  it("acknowledges an event for no message of ours and events it does not record, storing only the former", async () => {
    const unknown = await signedPost(resendEvent({ type: "email.bounced", emailId: "re_not_ours" }));
    expect(unknown.status).toBe(200);
    const row = await db.emailEvent.findFirstOrThrow({ where: { providerEmailId: "re_not_ours" } });
    expect(row.emailMessageId).toBeNull();
    expect(await undeliverableAddresses(db, ["referente@comune.example.it"])).toEqual(new Map());

    const message = await sentMessage();
    const before = await databaseDigest(db);
    for (const type of ["email.sent", "email.opened", "email.clicked", "contact.created"]) {
      const response = await signedPost(resendEvent({ type, emailId: message.providerId, messageId: message.id }));
      expect(response.status, type).toBe(200);
      expect(await response.text()).toBe("Evento ignorato.");
    }
    expect(await databaseDigest(db)).toBe(before);
  });

  it("answers a signed body that is no JSON 400, an unreadable event 400, a big body 413, an unconfigured secret 404", async () => {
    const before = await databaseDigest(db);
    expect((await signedPost("{not json")).status).toBe(400);
    expect(await (await signedPost("{not json")).text()).toBe("Il corpo della richiesta non è JSON valido.");
    expect((await signedPost(JSON.stringify({ type: "email.bounced", data: "nope" }))).status).toBe(400);
    expect((await signedPost(JSON.stringify([1, 2]))).status).toBe(400);
    expect((await signedPost(JSON.stringify({ type: "email.delivered", data: { x: "y".repeat(300 * 1024) } }))).status).toBe(413);
    delete process.env.RESEND_WEBHOOK_SECRET;
    const body = resendEvent({ type: "email.delivered", emailId: "re_x" });
    const unconfigured = await signedPost(body);
    expect(unconfigured.status).toBe(404);
    expect(await unconfigured.text()).toBe("Webhook di Resend non configurato su questo server.");
    // A secret that is no Svix key cannot verify anything: 401, not a crash.
    process.env.RESEND_WEBHOOK_SECRET = "whsec_!!!not base64!!!";
    expect((await signedPost(body)).status).toBe(401);
    expect(await databaseDigest(db)).toBe(before);
  });

  it("passes the proxy's same-origin rule as Resend's servers send it (no Origin, no fetch metadata), and refuses a browser on another site", async () => {
    const body = resendEvent({ type: "email.delivered", emailId: "re_proxy" });
    const request = (headers: Record<string, string>) =>
      new Request(`${SITE}${PATH}`, { method: "POST", body, headers: { host: "convoca.example.it", ...signedHeaders({ secret: SECRET, body }), ...headers } });
    expect(await judgeRequest(request({ "content-length": String(Buffer.byteLength(body)) }), PATH)).toBeNull();
    expect(await judgeRequest(request({}), PATH)).toBeNull();
    const refused = await judgeRequest(request({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), PATH);
    expect(refused && "refuse" in refused ? refused.refuse.status : null).toBe(403);
    const direct = await POST(request({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }));
    expect(direct.status).toBe(403);
  });
});

describe("arbitrary requests", () => {
  it("never answer 5xx, and never write without a valid signature", async () => {
    const message = await sentMessage();
    const realBody = resendEvent({ type: "email.bounced", emailId: message.providerId, messageId: message.id });
    // A header holds bytes a Request accepts.
    const header = fc.oneof(anyString.map((value) => value.replace(/[^\x20-\x7e]/g, "")), fc.constant(""), fc.constant("v1,"), fc.constant("v1,AAAA v1,BBBB"), fc.integer().map(String));
    const body = fc.oneof(
      anyString,
      anyJson.map((value) => JSON.stringify(value) ?? "null"),
      fc.constant(realBody),
      fc.record({ type: fc.constantFrom("email.delivered", "email.bounced", "email.complained", "email.failed", "email.opened"), data: anyJson }).map((value) => JSON.stringify(value)),
    );
    const before = await databaseDigest(db);
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.record({ "svix-id": header, "svix-timestamp": fc.oneof(header, fc.integer({ min: 0, max: 2 ** 33 }).map(String)), "svix-signature": header }, { requiredKeys: [] }),
        fc.option(fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x"), { nil: undefined }),
        async (payload, headers, contentType) => {
          const response = await post(payload, { ...headers, ...(contentType ? { "content-type": contentType } : {}) });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(await databaseDigest(db)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("signed arbitrary bodies: never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyJson.map((value) => JSON.stringify(value) ?? "null"),
          fc.record({ type: fc.constantFrom("email.delivered", "email.bounced", "email.complained", "email.failed"), created_at: fc.oneof(anyString, fc.date({ noInvalidDate: true }).map((date) => date.toISOString())), data: anyJson }).map((value) => JSON.stringify(value)),
          fc.record({ type: fc.constantFrom("email.delivered", "email.bounced"), data: fc.record({ email_id: anyString, tags: fc.oneof(fc.dictionary(anyString, anyJson), fc.constant({ message: "not-a-uuid" })), bounce: anyJson }, { requiredKeys: [] }) }).map((value) => JSON.stringify(value)),
          anyString,
        ),
        async (payload) => {
          const response = await signedPost(payload);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
