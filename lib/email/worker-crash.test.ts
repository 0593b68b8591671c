// A worker process killed with SIGKILL while Resend requests are in flight:
// its jobs stay "active" until they expire, then another worker retries them,
// and Resend's idempotency keys absorb the emails that had already gone out.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { startResendStub, type ResendStub } from "@/lib/test/resend-stub";
import { waitFor } from "@/lib/test/wait-for";
import { enqueueEmail } from "./mutations";
import { ensureEmailQueue } from "./queue";
import { startEmailWorker, type EmailWorker } from "./worker";

const { url, db } = await createTestDatabase();
let stub: ResendStub;
let child: ChildProcess | undefined;
let survivor: EmailWorker | undefined;

beforeAll(async () => {
  // A short expiry so the dead worker's jobs come back within the test.
  await ensureEmailQueue(url, { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: 3 });
  stub = await startResendStub();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
  vi.stubEnv("RESEND_API_KEY", "re_test_dummy");
  // Resend's rate shared by the workers is not what this file tests (lib/platform/rate-limit/shared-rate.test.ts): high enough never to slow it.
  vi.stubEnv("EMAIL_BATCH_RATE_PER_SECOND", "100");
});

afterAll(async () => {
  child?.kill("SIGKILL");
  await survivor?.stop({ timeoutMs: 2_000 });
  await stub.close();
  vi.unstubAllEnvs();
});

function startWorkerProcess(): Promise<ChildProcess> {
  const script = path.resolve(import.meta.dirname, "../test/email-worker-process.ts");
  const worker = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, DATABASE_URL: url, RESEND_BASE_URL: stub.url, RESEND_API_KEY: "re_test_dummy" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`worker process exited early (${code})`)));
    worker.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(worker);
    });
  });
}

test("SIGKILL in the middle of a batch: every message is delivered exactly once and ends SENT", async () => {
  const ids: string[] = [];
  for (let index = 0; index < 50; index++) {
    const { id } = await enqueueEmail(db, {
      template: "registration-confirmed",
      toEmail: `kill-${index}@comune.example.it`,
      data: SAMPLE_DATA["registration-confirmed"],
    });
    ids.push(id);
  }

  // Resend accepts each email at once but answers late: the kill lands between the two.
  stub.setResponseDelay(400);
  child = await startWorkerProcess();
  await waitFor("the worker process to send part of the batch", async () => stub.deliveries.length >= 12, 30_000);
  child.kill("SIGKILL");
  await new Promise((resolve) => child!.once("exit", resolve));
  stub.setResponseDelay(0);

  const acceptedBeforeKill = stub.deliveries.length;
  const unrecorded = await db.emailMessage.count({ where: { id: { in: ids }, status: "SENDING" } });
  expect(acceptedBeforeKill).toBeLessThan(ids.length);

  survivor = await startEmailWorker({ url, concurrency: 4, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log: () => {} });
  await waitFor(
    "the surviving worker to finish the batch",
    async () => (await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length,
    45_000,
  );

  expect(stub.deliveries).toHaveLength(ids.length);
  for (const id of ids) expect(stub.deliveriesFor(id), `deliveries of ${id}`).toBe(1);
  const rows = await db.emailMessage.findMany({ where: { id: { in: ids } } });
  for (const row of rows) {
    expect(row.providerId).toBe(stub.deliveries.find((delivery) => delivery.idempotencyKey === row.id)?.id);
  }
  // The kill did leave messages sent but not recorded, and they were not sent again.
  expect(unrecorded).toBeGreaterThan(0);
  expect(stub.requests).toBeGreaterThan(ids.length);
});
