// The database side of provider batches: messages written without a job of
// their own, claimed a hundred at a time into an EmailBatch whose id is the
// provider call's idempotency key, then marked SENT together.
import { isClient, type DbOrTx, type Tx } from "@/lib/platform/database/prisma";
import { deliverySelect, messageRow, redactedDataSql, sendEmailJob, sendJobThrough, type EmailForDelivery, type EnqueueEmailInput } from "../mutations";
import type { EmailTemplateName } from "../schema";
import { BATCH_SIZE, EMAIL_BATCH_QUEUE, type EmailBatchJob } from "./queue";

export type BatchEmailInput = EnqueueEmailInput<EmailTemplateName> & { dedupeKey: string; joinLinkSendId: string };

/**
 * enqueueEmailOnce for many messages at once, for batch delivery: one INSERT
 * … ON CONFLICT DO NOTHING on the dedupe key, no per-message job (the caller
 * sends the batch jobs with sendBatchJobs in the same transaction). Returns
 * the ids of the messages written now; a key already there writes nothing.
 */
export async function enqueueBatchEmailsOnce(tx: Tx, messages: readonly BatchEmailInput[]): Promise<string[]> {
  const ids: string[] = [];
  // A few hundred rows a statement keeps the bind parameters far from PostgreSQL's limit.
  for (let start = 0; start < messages.length; start += 500) {
    const rows = await tx.emailMessage.createManyAndReturn({
      data: messages.slice(start, start + 500).map((message) => ({ ...messageRow(message), dedupeKey: message.dedupeKey })),
      skipDuplicates: true,
      select: { id: true },
    });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/** One batch job per hundred messages of the send, through the caller's transaction. */
export async function sendBatchJobs(tx: Tx, { joinLinkSendId, messages }: { joinLinkSendId: string; messages: number }): Promise<string[]> {
  const job: EmailBatchJob = { joinLinkSendId };
  const ids: string[] = [];
  for (let sent = 0; sent < messages; sent += BATCH_SIZE) ids.push(await sendJobThrough(tx, { queue: EMAIL_BATCH_QUEUE, data: job }));
  return ids;
}

export type BatchMessage = EmailForDelivery;

function inTransaction<T>(db: DbOrTx, run: (tx: Tx) => Promise<T>): Promise<T> {
  return isClient(db) ? db.$transaction(run) : run(db);
}

/**
 * The messages of batch `batchId` still to deliver. The first time, the batch
 * is created and up to a hundred PENDING messages of the send are claimed
 * into it (FOR UPDATE SKIP LOCKED: batch jobs running side by side take
 * different messages). Afterwards (a retry after a crash or a provider
 * error) the same messages come back, in the same order, so the provider
 * sees the same payload under the same key and does not deliver it again.
 */
export async function claimBatch(db: DbOrTx, { batchId, joinLinkSendId }: { batchId: string; joinLinkSendId: string }): Promise<BatchMessage[]> {
  return inTransaction(db, async (tx) => {
    const created = await tx.emailBatch.createManyAndReturn({ data: [{ id: batchId }], skipDuplicates: true, select: { id: true } });
    if (created.length > 0) {
      const claimed = await tx.$executeRaw`
        UPDATE "EmailMessage" SET status = 'SENDING', "batchId" = ${batchId}::uuid, "updatedAt" = now()
        WHERE id IN (
          SELECT id FROM "EmailMessage"
          WHERE "joinLinkSendId" = ${joinLinkSendId}::uuid AND status = 'PENDING' AND "batchId" IS NULL AND "sendAfter" <= now()
          ORDER BY id
          LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED
        )`;
      if (claimed === 0) {
        await tx.emailBatch.delete({ where: { id: batchId } });
        return [];
      }
    }
    const [, messages] = await Promise.all([
      tx.emailBatch.update({ where: { id: batchId }, data: { attempts: { increment: 1 } } }),
      tx.emailMessage.findMany({ where: { batchId, status: "SENDING" }, select: deliverySelect, orderBy: { id: "asc" } }),
    ]);
    if (messages.length > 0) {
      await tx.emailMessage.updateMany({ where: { batchId, status: "SENDING" }, data: { attempts: { increment: 1 } } });
    }
    return messages;
  });
}

/**
 * The provider accepted the batch: every message SENT with its own provider id,
 * and its secrets replaced (a retry of this batch claims only SENDING messages).
 */
export async function markBatchSent(
  db: DbOrTx,
  {
    batchId,
    delivered,
    transport,
    sentAt = new Date(),
  }: { batchId: string; delivered: { id: string; providerId: string }[]; transport: string; sentAt?: Date },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.$executeRaw`
      UPDATE "EmailMessage" AS m
      SET status = 'SENT', "providerId" = d."providerId", transport = ${transport}, "sentAt" = ${sentAt}, "lastError" = NULL,
        data = ${redactedDataSql("m")}, "updatedAt" = now()
      FROM unnest(${delivered.map((row) => row.id)}::uuid[], ${delivered.map((row) => row.providerId)}::text[]) AS d(id, "providerId")
      WHERE m.id = d.id AND m."batchId" = ${batchId}::uuid AND m.status <> 'SENT'`;
    await tx.emailBatch.update({ where: { id: batchId }, data: { sentAt, lastError: null } });
  });
}

/** A failed call that will be retried with the same messages: the reason shows in the email log. */
export async function recordBatchRetry(db: DbOrTx, { batchId, error }: { batchId: string; error: string }): Promise<void> {
  const lastError = error.slice(0, 1000);
  await inTransaction(db, async (tx) => {
    await tx.emailBatch.update({ where: { id: batchId }, data: { lastError } });
    await tx.emailMessage.updateMany({ where: { batchId, status: "SENDING" }, data: { lastError } });
  });
}

/** Retries exhausted: the messages stay in the email log as FAILED, where a coordinator can retry them. */
export async function markBatchFailed(db: DbOrTx, { batchId, error }: { batchId: string; error: string }): Promise<void> {
  const lastError = error.slice(0, 1000);
  await inTransaction(db, async (tx) => {
    await tx.emailBatch.update({ where: { id: batchId }, data: { lastError } });
    await tx.emailMessage.updateMany({ where: { batchId, status: "SENDING" }, data: { status: "FAILED", lastError } });
  });
}

/**
 * The provider refused the batch as a whole (strict validation: one bad
 * address refuses all hundred). Each message goes back to the one-by-one
 * path, where only the bad one fails.
 */
export async function fallBackToSingleDelivery(db: DbOrTx, { batchId, error }: { batchId: string; error: string }): Promise<number> {
  const lastError = error.slice(0, 1000);
  return inTransaction(db, async (tx) => {
    await tx.emailBatch.update({ where: { id: batchId }, data: { lastError } });
    const messages = await tx.emailMessage.updateManyAndReturn({
      where: { batchId, status: "SENDING" },
      data: { status: "PENDING", lastError },
      select: { id: true },
    });
    for (const message of messages) await sendEmailJob(tx, { messageId: message.id });
    return messages.length;
  });
}
