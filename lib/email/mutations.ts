import PgBoss from "pg-boss";
import { Prisma } from "@/lib/generated/prisma/client";
import { isClient, type DbOrTx } from "@/lib/platform/database/prisma";
import { EMAIL_QUEUE, type EmailJob } from "./queue";
import { emailTemplateSchemas, type EmailTemplateData, type EmailTemplateName } from "./schema";
import { EMAIL_SECRET_MARKER, emailSecretKeysJson } from "./secrets";
import type { DeliveryState } from "@/lib/generated/prisma/enums";
import { replaceableBy } from "./delivery-state";

export type EnqueueEmailInput<Name extends EmailTemplateName = EmailTemplateName> = {
  template: Name;
  toEmail: string;
  toName?: string | null;
  data: EmailTemplateData[Name];
  meetingId?: string;
  registrationId?: string;
  invitationId?: string;
  /** The join-link send it belongs to (delivered in provider batches, see lib/email/batch). */
  joinLinkSendId?: string;
  /** Not before this moment (reminders); now when absent. */
  sendAfter?: Date;
  /** PEC goes through the certified-mail transport; EMAIL when absent. */
  channel?: "EMAIL" | "PEC";
};

export type EnqueuedEmail = { id: string; jobId: string };

// Never started and never connected: it only builds pg-boss's INSERT, which
// each send runs through the caller's transaction (the `db` option below).
const sender = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error("pg-boss sender has no connection of its own")),
  },
});

/** pg-boss's driver interface over a Prisma transaction, so the job commits or rolls back with it. */
function throughTransaction(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // pg-boss leaves unset options undefined; node-postgres sends those as NULL, Prisma refuses them.
      const params = values.map((value: unknown) => (value === undefined ? null : value));
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...params);
      return { rows };
    },
  };
}

/**
 * Writes the EmailMessage (PENDING) and its delivery job in one transaction:
 * the job exists if and only if the row commits, so a rolled-back change
 * sends nothing and a committed one is never forgotten. Call it with the
 * transaction of the change that causes the email.
 */
export async function enqueueEmail<Name extends EmailTemplateName>(
  db: DbOrTx,
  message: EnqueueEmailInput<Name>,
): Promise<EnqueuedEmail> {
  if (isClient(db)) return db.$transaction((tx) => enqueueEmail(tx, message));
  const row = await db.emailMessage.create({ data: messageRow(message), select: { id: true } });
  const jobId = await sendEmailJob(db, { messageId: row.id, startAfter: message.sendAfter });
  return { id: row.id, jobId };
}

/**
 * Like enqueueEmail, for an email that must exist once whatever happens:
 * a scheduler that runs twice, two coordinators pressing "send" together. The
 * key is unique; a second enqueue with it writes nothing and gives null.
 */
export async function enqueueEmailOnce<Name extends EmailTemplateName>(
  db: DbOrTx,
  message: EnqueueEmailInput<Name> & { dedupeKey: string },
): Promise<EnqueuedEmail | null> {
  if (isClient(db)) return db.$transaction((tx) => enqueueEmailOnce(tx, message));
  // ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
  const [row] = await db.emailMessage.createManyAndReturn({
    data: [{ ...messageRow(message), dedupeKey: message.dedupeKey }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!row) return null;
  const jobId = await sendEmailJob(db, { messageId: row.id, startAfter: message.sendAfter });
  return { id: row.id, jobId };
}

/**
 * The row of a new PENDING message. Its data is checked now, inside the
 * caller's transaction: bad data is a bug that should fail the change, not
 * surface hours later as an undeliverable email.
 */
export function messageRow<Name extends EmailTemplateName>(message: EnqueueEmailInput<Name>) {
  const data = emailTemplateSchemas[message.template].parse(message.data) as Prisma.InputJsonObject;
  return {
    template: message.template,
    toEmail: message.toEmail.trim(),
    toName: message.toName?.trim() || null,
    data,
    meetingId: message.meetingId,
    registrationId: message.registrationId,
    invitationId: message.invitationId,
    joinLinkSendId: message.joinLinkSendId,
    ...(message.channel ? { channel: message.channel } : {}),
    ...(message.sendAfter ? { sendAfter: message.sendAfter } : {}),
  };
}

/**
 * Sends the delivery job of an EmailMessage through the caller's transaction,
 * so the job commits or rolls back with the change that asks for it: the
 * first delivery (enqueueEmail) or a retry from the email log.
 */
export async function sendEmailJob(tx: Prisma.TransactionClient, { messageId, startAfter }: { messageId: string; startAfter?: Date }): Promise<string> {
  const job: EmailJob = { messageId };
  return sendJobThrough(tx, { queue: EMAIL_QUEUE, data: job, ...(startAfter ? { startAfter } : {}) });
}

/**
 * sendEmailJob for many messages in one statement (a convocation to a
 * thousand addresses), through the caller's transaction. The queue's own
 * retry and expiry policy applies, as for one job.
 */
export async function sendEmailJobs(tx: Prisma.TransactionClient, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  // pg-boss's bulk insert joins the queue and says nothing when it is missing.
  const [queue] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue WHERE name = ${EMAIL_QUEUE}`;
  if (!queue) throw new Error(`The "${EMAIL_QUEUE}" queue does not exist: run ensureEmailQueue() at start-up.`);
  for (let start = 0; start < messageIds.length; start += 1000) {
    const jobs = messageIds.slice(start, start + 1000).map((messageId) => ({ name: EMAIL_QUEUE, data: { messageId } satisfies EmailJob }));
    await sender.insert(jobs, { db: throughTransaction(tx) });
  }
}

/** A pg-boss job of any email queue, sent through the caller's transaction (see sendEmailJob). */
export async function sendJobThrough(
  tx: Prisma.TransactionClient,
  { queue, data, ...options }: { queue: string; data: object } & PgBoss.SendOptions,
): Promise<string> {
  const jobId = await sender.send(queue, data, { ...options, db: throughTransaction(tx) });
  // pg-boss inserts nothing, silently, when the queue does not exist.
  if (!jobId) throw new Error(`The "${queue}" queue does not exist: run ensureEmailQueue() at start-up.`);
  return jobId;
}

/** What delivering a message reads of it, alone or in a provider batch. */
export const deliverySelect = {
  id: true,
  template: true,
  toEmail: true,
  toName: true,
  data: true,
  attempts: true,
  channel: true,
} satisfies Prisma.EmailMessageSelect;

export type EmailForDelivery = Prisma.EmailMessageGetPayload<{ select: typeof deliverySelect }>;

/**
 * Takes the message for one delivery attempt: PENDING, or SENDING left by a
 * worker that died mid-send. A SENT, FAILED or CANCELLED message, or a
 * deleted one, gives null and is not sent again.
 */
export async function claimEmailForDelivery(db: DbOrTx, id: string): Promise<EmailForDelivery | null> {
  const [row] = await db.emailMessage.updateManyAndReturn({
    where: { id, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "SENDING", attempts: { increment: 1 } },
    select: deliverySelect,
  });
  return row ?? null;
}

/**
 * The SQL of redactEmailSecrets (./secrets) over a row of "EmailMessage", for
 * `SET data = …` in the UPDATE that makes a message final, so its secrets go
 * in the same statement. `table` is the alias the UPDATE gives the table.
 */
export function redactedDataSql(table?: string): Prisma.Sql {
  const column = (name: string) => Prisma.raw(table ? `${table}."${name}"` : `"${name}"`);
  const data = column("data");
  const template = column("template");
  return Prisma.sql`CASE WHEN jsonb_typeof(${data}) = 'object' THEN ${data} || COALESCE((
      SELECT jsonb_object_agg(secret.key, to_jsonb(${EMAIL_SECRET_MARKER}::text))
      FROM jsonb_each(${data}) AS secret(key, value)
      WHERE secret.value <> 'null'::jsonb
        AND secret.key IN (SELECT jsonb_array_elements_text(COALESCE(${emailSecretKeysJson()}::jsonb -> ${template}, '[]'::jsonb)))
    ), '{}'::jsonb) ELSE ${data} END`;
}

export async function markEmailSent(
  db: DbOrTx,
  { id, delivery }: { id: string; delivery: { transport: string; providerId: string; sentAt?: Date } },
): Promise<void> {
  // The provider accepted it: SENT wins even over a FAILED written by a racing attempt. Its secrets go with it.
  await db.$executeRaw`
    UPDATE "EmailMessage"
    SET status = 'SENT', transport = ${delivery.transport}, "providerId" = ${delivery.providerId},
      "sentAt" = ${delivery.sentAt ?? new Date()}, "lastError" = NULL, data = ${redactedDataSql()}, "updatedAt" = now()
    WHERE id = ${id}::uuid AND status <> 'SENT'`;
}

/** A failed attempt that will be retried: back to PENDING, with the reason shown in the email log. */
export async function recordEmailRetry(db: DbOrTx, { id, error }: { id: string; error: string }): Promise<void> {
  await db.emailMessage.updateMany({
    where: { id, status: "SENDING" },
    data: { status: "PENDING", lastError: error.slice(0, 1000) },
  });
}

export async function markEmailFailed(db: DbOrTx, { id, error }: { id: string; error: string }): Promise<void> {
  await db.emailMessage.updateMany({
    // A message withdrawn meanwhile stays CANCELLED: FAILED would offer it for a retry.
    where: { id, status: { notIn: ["SENT", "CANCELLED"] } },
    data: { status: "FAILED", lastError: error.slice(0, 1000) },
  });
}

/**
 * Withdraws the messages that have not left yet (PENDING, or SENDING one by
 * one: a worker claims only those two, and retries only FAILED ones), with the reason shown
 * in the email log. Call it in the transaction of the change that makes them
 * wrong: a revoked attestato, a replaced code or link, erased data. A message
 * the provider is accepting at this very moment still ends SENT, as it was.
 */
export async function cancelQueuedEmails(
  tx: Prisma.TransactionClient,
  { where, reason }: { where: Prisma.EmailMessageWhereInput; reason: string },
): Promise<number> {
  const cancelled = await tx.emailMessage.updateManyAndReturn({
    where: {
      AND: [
        where,
        // A message inside a provider batch is left as it is: a retried batch must carry the same emails under its
        // idempotency key, or the provider refuses it and the batch goes out one by one, perhaps a second time.
        { OR: [{ status: "PENDING" }, { status: "SENDING", batchId: null }] },
      ],
    },
    data: { status: "CANCELLED", lastError: reason.slice(0, 1000) },
    select: { id: true },
  });
  // Never sent, and no batch will read it again: its secrets go in the same transaction.
  if (cancelled.length > 0) {
    await tx.$executeRaw`
      UPDATE "EmailMessage" SET data = ${redactedDataSql()}
      WHERE id = ANY(${cancelled.map((row) => row.id)}::uuid[]) AND status = 'CANCELLED'`;
  }
  return cancelled.length;
}

/**
 * Records what the recipient's side reported (a Resend webhook, a PEC
 * receipt) on the message, by the rule of ./delivery-state: one statement,
 * so two reports racing each other end in the stronger one. Gives whether
 * the message's state changed.
 */
export async function recordDeliveryState(
  db: DbOrTx,
  { messageId, state, at }: { messageId: string; state: DeliveryState; at: Date },
): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: { id: messageId, OR: [{ deliveryState: null }, { deliveryState: { in: replaceableBy(state) } }] },
    data: { deliveryState: state, deliveryStateAt: at, ...(state === "DELIVERED" ? { deliveredAt: at } : {}) },
  });
  return count > 0;
}
