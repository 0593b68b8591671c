// The real Resend SDK against a local stand-in of the Resend API: outages,
// rate limits and crashes delay mail but never lose or duplicate it.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { startResendStub, type ResendStub } from "@/lib/test/resend-stub";
import { waitFor } from "@/lib/test/wait-for";
import { enqueueEmail } from "./mutations";
import { ensureEmailQueue, type EmailRetryPolicy } from "./queue";
import { startEmailWorker, type EmailWorker, type EmailWorkerOptions } from "./worker";

const { url, db } = await createTestDatabase(20);

// Production's policy with a 1 s base delay: still exponential, but a test-sized wait.
const FAST_RETRIES: Partial<EmailRetryPolicy> = { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 10 };

let stub: ResendStub;
const workers: EmailWorker[] = [];

function startWorker(options: Partial<EmailWorkerOptions> = {}) {
  return startEmailWorker({ url, concurrency: 4, pollingIntervalSeconds: 0.5, log: () => {}, ...options }).then((worker) => {
    workers.push(worker);
    return worker;
  });
}

async function enqueueMany(count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { id } = await enqueueEmail(db, {
      template: "registration-confirmed",
      toEmail: `${prefix}-${index}@comune.example.it`,
      toName: `Referente ${index}`,
      data: SAMPLE_DATA["registration-confirmed"],
    });
    ids.push(id);
  }
  return ids;
}

async function statuses(ids: string[]) {
  const rows = await db.emailMessage.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((row) => [row.id, row]));
}

function settled(ids: string[]) {
  return async () =>
    (await db.emailMessage.count({ where: { id: { in: ids }, status: { in: ["SENT", "FAILED"] } } })) === ids.length;
}

/** Each message reached the provider exactly once, and its row says SENT with the provider's id. */
async function expectDeliveredExactlyOnce(ids: string[]) {
  const rows = await statuses(ids);
  for (const id of ids) {
    expect(stub.deliveriesFor(id), `deliveries of ${id}`).toBe(1);
    const delivery = stub.deliveries.find((candidate) => candidate.idempotencyKey === id);
    expect(rows.get(id)).toMatchObject({ status: "SENT", transport: "resend", providerId: delivery?.id, lastError: null });
  }
}

beforeAll(async () => {
  await ensureEmailQueue(url, FAST_RETRIES);
  stub = await startResendStub();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
  vi.stubEnv("RESEND_API_KEY", "re_test_dummy");
  // Resend's rate shared by the workers is not what this file tests (lib/platform/rate-limit/shared-rate.test.ts): high enough never to slow it.
  vi.stubEnv("EMAIL_BATCH_RATE_PER_SECOND", "100");
});

beforeEach(async () => {
  // Retry policy is copied into each job when it is sent: set it before enqueueing.
  await ensureEmailQueue(url, FAST_RETRIES);
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop({ timeoutMs: 2_000 })));
});

afterAll(async () => {
  await stub.close();
  vi.unstubAllEnvs();
});

test("the Resend request carries sender, recipient, the message id as idempotency key and the ICS", async () => {
  await startWorker();
  const [id] = await enqueueMany(1, "shape");
  await waitFor("the delivery", settled([id]));

  const delivery = stub.deliveries.find((candidate) => candidate.idempotencyKey === id);
  expect(delivery).toMatchObject({
    from: "Convoca ANCI Sicilia <convoca@anci.sicilia.it>",
    to: ['"Referente 0" <shape-0@comune.example.it>'],
    subject: "Iscrizione confermata: Tavolo tecnico del Coordinamento dei Comuni SAI",
  });
  expect(delivery?.text).toContain("Progetto 3031 COOPERA");
  expect(delivery?.attachments).toHaveLength(1);
  expect(delivery?.attachments[0]).toMatchObject({ filename: "convocazione.ics", content_type: expect.stringMatching(/^text\/calendar/) });
  expect(Buffer.from(delivery!.attachments[0].content, "base64").toString("utf8")).toBe(SAMPLE_DATA["registration-confirmed"].ics);
  await expectDeliveredExactlyOnce([id]);
});

test("an outage (500s, 429s, dropped connections) delays every message but delivers each exactly once", async () => {
  stub.failFor(2_500, [500, 429, "drop", 503]);
  const requestsBefore = stub.requests;
  await startWorker();
  const ids = await enqueueMany(20, "outage");
  await waitFor("all messages to settle after the outage", settled(ids), 45_000);

  await expectDeliveredExactlyOnce(ids);
  const rows = [...(await statuses(ids)).values()];
  // The outage was real: some messages needed more than one attempt.
  expect(rows.some((row) => row.attempts > 1)).toBe(true);
  expect(stub.requests - requestsBefore).toBeGreaterThan(ids.length);
});

test("a worker crashing after Resend accepted, then stopped mid-batch: a new worker finishes, nothing is sent twice", async () => {
  const ids = await enqueueMany(50, "crash");
  let accepted = 0;
  const crashing = await startWorker({
    // Every third accepted email "crashes" the worker before the row says SENT.
    afterProviderAccepted: () => {
      accepted++;
      if (accepted % 3 === 0) throw new Error("simulated crash after the provider accepted the email");
    },
  });
  await waitFor("the first worker to get through part of the batch", async () => accepted >= 15);
  await crashing.stop({ graceful: false });
  const sentByFirst = stub.deliveries.filter((delivery) => ids.includes(delivery.idempotencyKey ?? "")).length;
  expect(sentByFirst).toBeLessThan(ids.length);

  const requestsBefore = stub.requests;
  await startWorker();
  await waitFor("the second worker to finish the batch", settled(ids), 45_000);

  await expectDeliveredExactlyOnce(ids);
  // Messages the first worker had sent but not recorded were sent again, and Resend's idempotency absorbed them.
  const resent = stub.requests - requestsBefore - (ids.length - sentByFirst);
  expect(resent).toBeGreaterThan(0);
  const rows = [...(await statuses(ids)).values()];
  expect(rows.filter((row) => row.attempts > 1).length).toBeGreaterThanOrEqual(resent);
});

test("a rejection by Resend (422) is permanent: FAILED after one attempt, no retry", async () => {
  stub.reject("wrong-address@comune.example.it");
  await startWorker();
  const { id } = await enqueueEmail(db, {
    template: "personal-link",
    toEmail: "wrong-address@comune.example.it",
    data: SAMPLE_DATA["personal-link"],
  });
  await waitFor("the rejection", settled([id]));
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
  expect(row.lastError).toContain("validation_error");
  expect(stub.deliveriesFor(id)).toBe(0);
});

test("when the retries run out the message is FAILED with the last error, never left pending", async () => {
  await ensureEmailQueue(url, { ...FAST_RETRIES, retryLimit: 1, retryBackoff: false });
  stub.failNext(1_000, 503);
  await startWorker();
  const { id } = await enqueueEmail(db, {
    template: "registration-cancelled",
    toEmail: "unlucky@comune.example.it",
    data: SAMPLE_DATA["registration-cancelled"],
  });
  await waitFor("the retries to run out", settled([id]), 20_000);
  stub.failNext(0);
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: "FAILED", attempts: 2 });
  expect(row.lastError).toContain("internal_server_error (503)");
});
