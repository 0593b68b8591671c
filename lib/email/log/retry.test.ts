// Retrying a failed email from the log: only FAILED qualifies, one retry makes
// exactly one job, and the worker delivers it once, however often people click.
import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createUser } from "@/lib/test/factories";
import { resendStubForFile } from "@/lib/test/resend-harness";
import { waitFor } from "@/lib/test/wait-for";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { enqueueEmail, sendEmailJob } from "../mutations";
import { EMAIL_QUEUE } from "../queue";
import { startEmailWorker } from "../worker";
import { retryEmail } from "./mutations";

const { url, db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

// No automatic retries: the first provider error marks the message FAILED.
const resend = resendStubForFile(url, { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 10 });

async function jobsFor(messageId: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) FROM pgboss.job WHERE name = $1 AND data->>'messageId' = $2`,
    EMAIL_QUEUE,
    messageId,
  );
  return Number(row.count);
}

async function messageIn(status: EmailStatus, toEmail = `${status.toLowerCase()}@comune.example.it`) {
  const { id } = await enqueueEmail(db, { template: "registration-cancelled", toEmail, data: SAMPLE_DATA["registration-cancelled"] });
  await db.emailMessage.update({ where: { id }, data: { status, attempts: 3, lastError: status === "FAILED" ? "Resend 422: Invalid `to` field." : null } });
  return id;
}

describe("retryEmail", () => {
  test("a FAILED message goes back to PENDING without its error, with exactly one new job and an audit entry", async () => {
    const id = await messageIn("FAILED");
    const result = await retryEmail(db, { actor: coordinator, id });
    expect(result).toMatchObject({ ok: true, jobId: expect.any(String) });

    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", lastError: null, attempts: 3 });
    expect(await jobsFor(id)).toBe(2); // the first delivery's job and the retry's
    const [entry] = await db.auditEntry.findMany({ where: { entityType: "EmailMessage", entityId: id } });
    expect(entry).toMatchObject({ actorId: coordinator.id, action: "email.retry" });
    expect(entry.data).toMatchObject({ before: { status: "FAILED" }, after: { status: "PENDING" }, details: { attempts: 3 } });
  });

  test.each(["PENDING", "SENDING", "SENT", "CANCELLED"] as const)("a %s message is refused: no job, no audit entry", async (status) => {
    const id = await messageIn(status);
    expect(await retryEmail(db, { actor: coordinator, id })).toEqual({ ok: false, reason: "NOT_FAILED" });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status });
    expect(await jobsFor(id)).toBe(1);
    expect(await db.auditEntry.count({ where: { entityId: id } })).toBe(0);
  });

  test("an unknown message is NOT_FOUND", async () => {
    expect(await retryEmail(db, { actor: coordinator, id: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  test("two retries at once: one succeeds, one job is added", async () => {
    const id = await messageIn("FAILED", "doppio-clic@comune.example.it");
    const results = await Promise.all([retryEmail(db, { actor: coordinator, id }), retryEmail(db, { actor: coordinator, id })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "NOT_FAILED" }]);
    expect(await jobsFor(id)).toBe(2);
    expect(await db.auditEntry.count({ where: { entityId: id } })).toBe(1);
  });
});

test("a message that failed is delivered once after a retry, and retrying again sends nothing more", async () => {
  // The messages above were never delivered: their jobs must not take the provider's failure meant for this one.
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = $1`, EMAIL_QUEUE);
  resend.stub.failNext(1, 500);
  const { id } = await enqueueEmail(db, {
    template: "registration-confirmed",
    toEmail: "ritenta@comune.example.it",
    data: SAMPLE_DATA["registration-confirmed"],
  });
  resend.worker = await startEmailWorker({ url, concurrency: 1, pollingIntervalSeconds: 0.5, log: () => {} });

  const failed = await waitFor("the first attempt to fail for good", async () => {
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    return row.status === "FAILED" ? row : null;
  });
  expect(failed.lastError).toMatch(/./);
  expect(resend.stub.deliveriesFor(id)).toBe(0);

  expect(await retryEmail(db, { actor: coordinator, id })).toMatchObject({ ok: true });
  const sent = await waitFor("the retry to be delivered", async () => {
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    return row.status === "SENT" ? row : null;
  });
  expect(sent).toMatchObject({ attempts: 2, lastError: null, transport: "resend" });
  expect(resend.stub.deliveriesFor(id)).toBe(1);

  // A second click (a stale page, another coordinator): refused, and nothing reaches the provider.
  expect(await retryEmail(db, { actor: coordinator, id })).toEqual({ ok: false, reason: "NOT_FAILED" });
  // Even a stray job for it is skipped by the worker, which delivers only PENDING messages.
  await db.$transaction((tx) => sendEmailJob(tx, { messageId: id }));
  await waitFor("the stray job to finish", async () => {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) FROM pgboss.job WHERE name = $1 AND data->>'messageId' = $2 AND state IN ('created', 'retry', 'active')`,
      EMAIL_QUEUE,
      id,
    );
    return Number(row.count) === 0;
  });
  expect(resend.stub.deliveriesFor(id)).toBe(1);
  expect(await jobsFor(id)).toBe(3);
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
});
