// Join-link emails delivered in provider batches through the real Resend SDK
// against the local stub: at most 100 a call, every message once, the
// provider's rate honoured, 429s absorbed, and a crash after the provider
// accepted a batch retried under the same key without a second delivery.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sendJoinLinkNow } from "@/lib/join-link/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrants, createUser } from "@/lib/test/factories";
import { startResendStub, type ResendStub } from "@/lib/test/resend-stub";
import { waitFor } from "@/lib/test/wait-for";
import { EmailDeliveryError } from "../../platform/email-transport/delivery-error";
import { ensureEmailQueue } from "../queue";
import { renderStoredEmail } from "../render";
import { createResendTransport } from "../../platform/email-transport/resend-transport";
import { startEmailWorker, type EmailWorker } from "../worker";
import { createRateLimiter } from "./rate-limit";
import { renderMany } from "./render";
import { startBatchWorker, type BatchWorker, type BatchWorkerOptions } from "./worker";

const { url, db } = await createTestDatabase(12);
const coordinator = await createUser(db, "COORDINATOR");
let stub: ResendStub | undefined;
let workers: (BatchWorker | EmailWorker)[] = [];

beforeAll(async () => {
  // Quick retries, so a failed batch comes back within the test.
  await ensureEmailQueue(url, { retryDelay: 1, retryBackoff: false }, { retryDelay: 1, retryBackoff: false, expireInSeconds: 5 });
});

afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop({ timeoutMs: 2_000 })));
  workers = [];
  await stub?.close();
  vi.unstubAllEnvs();
});

async function withStub(rateLimitPerSecond: number | null = null) {
  stub = await startResendStub({ rateLimitPerSecond });
  vi.stubEnv("RESEND_BASE_URL", stub.url);
  return stub;
}

async function startWorker(options: Partial<BatchWorkerOptions> = {}) {
  const worker = await startBatchWorker({
    url,
    concurrency: 3,
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
    transport: createResendTransport({ apiKey: "re_test_dummy", from: "Convoca <convoca@anci.example.it>" }),
    rateLimiter: createRateLimiter(50),
    log: () => {},
    ...options,
  });
  workers.push(worker);
  return worker;
}

/** A meeting with `count` confirmed registrants and its join link sent now: the ids of the send's messages. */
async function sendTo(count: number) {
  const meeting = await createMeeting(db, { joinUrl: "https://meet.example/j/riservato", platform: "Meet" });
  await createRegistrants(db, meeting.id, count);
  await createRegistrants(db, meeting.id, 3, { status: "WAITLISTED" });
  const result = await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id });
  if (!result.ok) throw new Error(result.reason);
  const messages = await db.emailMessage.findMany({ where: { joinLinkSendId: result.sendId }, select: { id: true } });
  return { sendId: result.sendId, ids: messages.map((message) => message.id) };
}

async function allSent(ids: string[], timeout = 30_000) {
  await waitFor(
    "every message to be SENT",
    async () => (await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length,
    timeout,
  );
}

/** How many emails each provider call carried, by idempotency key (the EmailBatch id). */
function callSizes(resend: ResendStub): number[] {
  const sizes = new Map<string, number>();
  for (const delivery of resend.deliveries) sizes.set(delivery.idempotencyKey ?? "", (sizes.get(delivery.idempotencyKey ?? "") ?? 0) + 1);
  return [...sizes.values()].sort((a, b) => b - a);
}

function expectEachOnce(resend: ResendStub, ids: string[]) {
  expect(resend.deliveries).toHaveLength(ids.length);
  for (const id of ids) expect(resend.deliveriesForMessage(id), `deliveries of ${id}`).toBe(1);
}

describe("batch delivery", () => {
  it("sends 250 messages in three calls of at most 100, each once, every message SENT with its provider id", async () => {
    const resend = await withStub();
    const { ids } = await sendTo(250);
    await startWorker();
    await allSent(ids);

    expect(resend.batchRequests).toBe(3);
    expect(callSizes(resend)).toEqual([100, 100, 50]);
    expectEachOnce(resend, ids);
    const rows = await db.emailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, providerId: true, batchId: true, transport: true } });
    for (const row of rows) {
      const delivery = resend.deliveries.find((item) => item.messageId === row.id);
      expect(row).toMatchObject({ providerId: delivery?.id, batchId: delivery?.idempotencyKey, transport: "resend" });
    }
    expect(await db.emailBatch.count({ where: { id: { in: rows.map((row) => row.batchId as string) }, sentAt: { not: null } } })).toBe(3);
    // Nobody waitlisted, and the link is in the body, never in the subject.
    expect(new Set(resend.deliveries.flatMap((delivery) => delivery.to)).size).toBe(250);
    expect(resend.deliveries[0].subject).toMatch(/^Link di collegamento: /);
    expect(resend.deliveries[0].text).toContain("https://meet.example/j/riservato");
  });

  it("a crash after the provider accepted a batch: the retry reuses the batch's key and the stub delivers once", async () => {
    const resend = await withStub();
    const { ids } = await sendTo(120);
    let crashes = 0;
    await startWorker({
      afterProviderAccepted: () => {
        if (crashes++ === 0) throw new Error("simulated crash between acceptance and SENT");
      },
    });
    await allSent(ids);
    expect(crashes).toBe(3);
    // Two batches, one called twice: the second call was answered from the first, not delivered again.
    expect(resend.batchRequests).toBe(3);
    expectEachOnce(resend, ids);
  });

  it("keeps to the provider's rate (2 requests a second, shared by the process's senders): no 429", async () => {
    const resend = await withStub(2);
    const { ids } = await sendTo(450);
    const started = Date.now();
    const limiter = createRateLimiter(2);
    // Two workers in one process, one limiter between them.
    await startWorker({ rateLimiter: limiter });
    await startWorker({ rateLimiter: limiter });
    await allSent(ids);
    expect(resend.rateLimited).toBe(0);
    expect(resend.batchRequests).toBe(5);
    // Five calls, half a second apart at least.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expectEachOnce(resend, ids);
  });

  it("a 429 from the provider is tried again after a pause, and nothing is lost or doubled", async () => {
    const resend = await withStub();
    const { ids } = await sendTo(150);
    resend.failNext(2, 429);
    await startWorker();
    await allSent(ids);
    expect(resend.batchRequests).toBe(4);
    expectEachOnce(resend, ids);
  });

  it("a batch refused as a whole (one bad address) goes one by one, where only the bad one fails", async () => {
    const resend = await withStub();
    const { ids } = await sendTo(5);
    const bad = await db.emailMessage.findFirstOrThrow({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    resend.reject(bad.toEmail);
    await startWorker();
    const transport = createResendTransport({ apiKey: "re_test_dummy", from: "Convoca <convoca@anci.example.it>" });
    workers.push(await startEmailWorker({ url, concurrency: 2, pollingIntervalSeconds: 0.5, transport, log: () => {} }));
    await waitFor(
      "the good ones SENT and the bad one FAILED",
      async () =>
        (await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === 4 &&
        (await db.emailMessage.count({ where: { id: bad.id, status: "FAILED" } })) === 1,
      30_000,
    );
    expect(resend.deliveries.filter((delivery) => !delivery.batch)).toHaveLength(4);
  });
});

describe("the batch worker's log", () => {
  it("names a refused batch's error class, never its message", async () => {
    await sendTo(3);
    const printed: string[] = [];
    const secret = "rifiutato: destinatario maria.rossi@comune.example.it";
    await startWorker({
      log: (line) => void printed.push(line),
      transport: {
        name: "resend",
        send: async () => ({ providerId: `p-${Math.random()}` }),
        sendBatch: async () => {
          throw new EmailDeliveryError(secret, false);
        },
      },
    });
    await waitFor("the refusal", async () => printed.some((line) => line.includes("refused by the provider")));
    expect(printed.filter((line) => line.includes("refused by the provider"))).toEqual([expect.stringMatching(/messages delivered one by one \(EmailDeliveryError\)$/)]);
    expect(printed.filter((line) => line.includes("maria.rossi"))).toEqual([]);
  });
});

describe("renderMany", () => {
  it("renders each distinct email once and fills in the name exactly as rendering it would", async () => {
    const data = {
      meetingTitle: "Tavolo tecnico",
      when: "giovedì 24 marzo 2022, ore 15:00–17:00",
      where: "Videoconferenza (Zoom)",
      meetingUrl: "http://localhost:3000/convocazioni/tavolo",
      joinUrl: "https://zoom.us/j/1?pwd=riservato",
      updated: false,
    };
    const names = ["Maria", "Gianni D'Angelo & <Figli>", "Zoë \"Zo\""];
    const emails = names.map((recipientName) => ({ template: "join-link", data: { ...data, recipientName } }));
    const merged = await renderMany(emails);
    for (const [index, email] of emails.entries()) {
      const direct = await renderStoredEmail(email.template, email.data);
      expect(merged[index]).toEqual(direct);
    }
  });
});
