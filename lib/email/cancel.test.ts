// Withdrawing emails that have not left: a revoked attestato or invitation, a
// replaced code or link, erased data. The real worker and the real Resend SDK
// (against the local stub) must then deliver none of them, and nobody can
// queue them again from the email log.
import { describe, expect, test } from "vitest";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createUser } from "@/lib/test/factories";
import { resendStubForFile } from "@/lib/test/resend-harness";
import { waitFor } from "@/lib/test/wait-for";
import { retryEmail } from "./log/mutations";
import { cancelQueuedEmails, claimEmailForDelivery, enqueueEmail, markEmailFailed, markEmailSent, sendEmailJob } from "./mutations";
import { EMAIL_QUEUE } from "./queue";
import { startEmailWorker } from "./worker";

const { url, db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

const resend = resendStubForFile(url, { retryLimit: 0, retryDelay: 1, retryBackoff: false, expireInSeconds: 10 });

/** A message of a group (its toName), in the given status; its delivery job is queued with it. */
async function message(group: string, status: EmailStatus = "PENDING") {
  const { id } = await enqueueEmail(db, {
    template: "registration-cancelled",
    toEmail: `${group}.${status.toLowerCase()}@comune.example.it`,
    data: SAMPLE_DATA["registration-cancelled"],
  });
  await db.emailMessage.update({ where: { id }, data: { status, toName: group } });
  return id;
}

const statusOf = (id: string) => db.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true, lastError: true } });

describe("cancelQueuedEmails", () => {
  test("withdraws the PENDING and SENDING messages it is given, with the reason; leaves SENT, FAILED, a provider batch's and everyone else's", async () => {
    const pending = await message("revocato");
    const sending = await message("revocato", "SENDING");
    const sent = await message("revocato", "SENT");
    const failed = await message("revocato", "FAILED");
    const other = await message("altro");
    // In a batch being delivered: a retry must send the same emails under the batch's key, so it stays.
    const batched = await message("revocato", "SENDING");
    const batch = await db.emailBatch.create({ data: {} });
    await db.emailMessage.update({ where: { id: batched }, data: { batchId: batch.id } });

    const count = await db.$transaction((tx) => cancelQueuedEmails(tx, { where: { toName: "revocato" }, reason: "Annullato: invito revocato" }));

    expect(count).toBe(2);
    expect(await statusOf(pending)).toEqual({ status: "CANCELLED", lastError: "Annullato: invito revocato" });
    expect(await statusOf(sending)).toEqual({ status: "CANCELLED", lastError: "Annullato: invito revocato" });
    expect((await statusOf(sent)).status).toBe("SENT");
    expect((await statusOf(failed)).status).toBe("FAILED");
    expect(await statusOf(other)).toEqual({ status: "PENDING", lastError: null });
    expect(await statusOf(batched)).toEqual({ status: "SENDING", lastError: null });
    // Withdrawn for good: no delivery attempt takes it, a failing attempt does not turn it into a retryable FAILED, the log refuses a retry.
    expect(await claimEmailForDelivery(db, pending)).toBeNull();
    await markEmailFailed(db, { id: sending, error: "Resend 500" });
    expect((await statusOf(sending)).status).toBe("CANCELLED");
    expect(await retryEmail(db, { actor: coordinator, id: pending })).toEqual({ ok: false, reason: "NOT_FAILED" });
    // A provider that had already accepted it is the truth: SENT.
    await markEmailSent(db, { id: sending, delivery: { transport: "resend", providerId: "re_1" } });
    expect((await statusOf(sending)).status).toBe("SENT");
  });

  test("rolls back with the change that caused it", async () => {
    const pending = await message("annullato-poi-no");
    await expect(
      db.$transaction(async (tx) => {
        await cancelQueuedEmails(tx, { where: { id: pending }, reason: "Annullato: prova" });
        throw new Error("the revocation failed");
      }),
    ).rejects.toThrow("the revocation failed");
    expect(await statusOf(pending)).toEqual({ status: "PENDING", lastError: null });
  });
});

test("the worker delivers the messages still queued and none of the withdrawn, even with a stray job for one", async () => {
  // Only this test's messages have jobs left.
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = $1`, EMAIL_QUEUE);
  await db.emailMessage.updateMany({ where: { status: { in: ["PENDING", "SENDING"] } }, data: { status: "FAILED" } });
  const kept = await message("consegnato");
  const withdrawn = await message("ritirato");
  await db.$transaction(async (tx) => {
    await sendEmailJob(tx, { messageId: withdrawn });
    await cancelQueuedEmails(tx, { where: { id: withdrawn }, reason: "Annullato: attestato revocato" });
  });

  resend.worker = await startEmailWorker({ url, concurrency: 2, pollingIntervalSeconds: 0.5, log: () => {} });
  await waitFor("the kept message to be delivered", async () => (await statusOf(kept)).status === "SENT");
  await waitFor("every job to finish", async () => {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
      EMAIL_QUEUE,
    );
    return Number(row.count) === 0;
  });
  expect(resend.stub.deliveriesFor(kept)).toBe(1);
  expect(resend.stub.deliveriesFor(withdrawn)).toBe(0);
  expect(await statusOf(withdrawn)).toEqual({ status: "CANCELLED", lastError: "Annullato: attestato revocato" });
});
