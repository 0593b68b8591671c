// Delivers join-link sends in provider batches: each job of the
// "email.batch" queue claims up to a hundred messages into the EmailBatch
// named after the job, and sends them with one call under that id as the
// idempotency key. A retried job (crash, outage, 429) sends the same batch
// again under the same key, so nothing is delivered twice. Calls wait for
// their turn under the provider's rate, shared in PostgreSQL by every
// worker process (providerRateLimiter).
import PgBoss from "pg-boss";
import { createPrismaClient } from "@/lib/platform/database/client";
import { EmailDeliveryError } from "../../platform/email-transport/delivery-error";
import { EmailTemplateError } from "../render";
import { createEmailTransport, type EmailTransport, type OutgoingEmail } from "../../platform/email-transport/transport";
import {
  claimBatch,
  fallBackToSingleDelivery,
  markBatchFailed,
  markBatchSent,
  recordBatchRetry,
  type BatchMessage,
} from "./mutations";
import { EMAIL_BATCH_QUEUE, type EmailBatchJob } from "./queue";
import { providerRateLimiter, type RateLimiter } from "./rate-limit";
import { renderMany } from "./render";
import { describeError, logError, logText, safeLine } from "@/lib/platform/logging/log";

export type BatchWorkerOptions = {
  url: string;
  /** Batch jobs handled at the same time (they still queue on the request rate). */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** Defaults to Resend or the outbox, by RESEND_API_KEY. */
  transport?: EmailTransport;
  /** Defaults to the limiter shared in PostgreSQL at EMAIL_BATCH_RATE_PER_SECOND (2), closed on stop. */
  rateLimiter?: RateLimiter;
  /** 429s absorbed in the job before it is handed back to pg-boss's retry with backoff. */
  rateLimitRetries?: number;
  log?: (line: string) => void;
  /** Fault injection for tests: runs after the provider accepted the batch and before it is marked SENT. */
  afterProviderAccepted?: (batchId: string) => void | Promise<void>;
};

export type BatchWorker = { stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void> };

type Context = Required<Pick<BatchWorkerOptions, "transport" | "log" | "rateLimiter" | "rateLimitRetries">> &
  Pick<BatchWorkerOptions, "afterProviderAccepted"> & { db: ReturnType<typeof createPrismaClient> };

/** What the batch row keeps as its last error; a log line says only describeError's. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One provider call for the whole batch, or (a transport without batches) one call per email under its own key. */
async function callProvider(context: Context, batchId: string, emails: OutgoingEmail[]): Promise<string[]> {
  const { transport, rateLimiter } = context;
  const within = async <T>(call: () => Promise<T>): Promise<T> => {
    const answered = await rateLimiter.acquire();
    try {
      return await call();
    } finally {
      answered();
    }
  };
  const { sendBatch } = transport;
  if (sendBatch) return (await within(() => sendBatch(emails, { idempotencyKey: batchId }))).providerIds;
  const ids: string[] = [];
  for (const email of emails) ids.push((await within(() => transport.send(email))).providerId);
  return ids;
}

/** The call, with the provider's 429s absorbed here: every sender of the process slows down, then this one tries again. */
async function callWithinRate(context: Context, batchId: string, emails: OutgoingEmail[]): Promise<string[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await callProvider(context, batchId, emails);
    } catch (error) {
      if (!(error instanceof EmailDeliveryError && error.rateLimited) || attempt >= context.rateLimitRetries) throw error;
      const backoff = 1000 * 2 ** attempt;
      context.rateLimiter.pause(backoff);
      context.log(`[email] batch ${batchId}: the provider asks to slow down, trying again in ${backoff} ms`);
      await sleep(backoff);
    }
  }
}

async function deliverBatch(context: Context, job: PgBoss.JobWithMetadata<EmailBatchJob>): Promise<string> {
  const { db, log, transport } = context;
  const batchId = job.id;
  const messages: BatchMessage[] = await claimBatch(db, { batchId, joinLinkSendId: job.data.joinLinkSendId });
  if (messages.length === 0) return "empty";

  let emails: OutgoingEmail[];
  try {
    const rendered = await renderMany(messages);
    emails = messages.map((message, index) => ({ id: message.id, to: message.toEmail, toName: message.toName, ...rendered[index] }));
  } catch (error) {
    if (!(error instanceof EmailTemplateError)) throw error;
    // The one-by-one path marks the message that cannot be rendered FAILED and delivers the others.
    await fallBackToSingleDelivery(db, { batchId, error: describe(error) });
    log(`[email] batch ${batchId}: cannot be rendered as a batch, delivered one by one (${describeError(error)})`);
    return "single";
  }
  if (emails.some((email) => email.attachments?.length)) {
    await fallBackToSingleDelivery(db, { batchId, error: "Attachments are not supported in batch emails" });
    return "single";
  }

  log(`[email] batch ${batchId}: ${emails.length} rendered, waiting for its turn`);
  let providerIds: string[];
  try {
    providerIds = await callWithinRate(context, batchId, emails);
  } catch (error) {
    const retryable = !(error instanceof EmailDeliveryError) || error.retryable;
    if (!retryable) {
      const moved = await fallBackToSingleDelivery(db, { batchId, error: describe(error) });
      log(`[email] batch ${batchId}: refused by the provider, ${moved} messages delivered one by one (${describeError(error)})`);
      return "single";
    }
    if (job.retryCount >= job.retryLimit) {
      await markBatchFailed(db, { batchId, error: describe(error) });
      log(`[email] batch ${batchId}: failed for good, ${messages.length} messages marked FAILED (${describeError(error)})`);
      return "failed";
    }
    await recordBatchRetry(db, { batchId, error: describe(error) });
    log(`[email] batch ${batchId}: failed, will retry (${describeError(error)})`);
    throw error;
  }

  await context.afterProviderAccepted?.(batchId);
  await markBatchSent(db, {
    batchId,
    delivered: messages.map((message, index) => ({ id: message.id, providerId: providerIds[index] })),
    transport: transport.name,
  });
  log(`[email] batch ${batchId}: ${messages.length} sent via ${transport.name}`);
  return "sent";
}

/**
 * Starts delivering jobs of the "email.batch" queue with its own pg-boss and
 * Prisma pools. The queue is created by ensureEmailQueue.
 */
export async function startBatchWorker(options: BatchWorkerOptions): Promise<BatchWorker> {
  // One more than the default rate: a batch renders while the others wait for their turn.
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const print = options.log ?? logText;
  const log = (line: string) => print(safeLine(line));
  const transport = options.transport ?? createEmailTransport();
  const db = createPrismaClient(options.url, concurrency + 1);
  const boss = new PgBoss({
    connectionString: options.url,
    application_name: "convoca-email-batch-worker",
    max: concurrency + 2,
    schedule: false,
    supervise: true,
    // Maintenance is what fails a dead worker's batch into a retry once it expires (the queue's
    // expireInSeconds, lib/email/batch/queue.ts): every 2 s, so a crashed batch comes back in seconds.
    // It runs once per interval for the whole database (pg-boss's maintained_on), not once per process.
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 2,
  });
  boss.on("error", (error) => logError`[email] batch pg-boss: ${describeError(error)}`);
  await boss.start();
  const ownLimiter = options.rateLimiter
    ? null
    : await providerRateLimiter(options.url).catch(async (error: unknown) => {
        await boss.stop({ graceful: false });
        await db.$disconnect();
        throw error;
      });

  const context: Context = {
    db,
    transport,
    log,
    rateLimiter: ownLimiter ?? (options.rateLimiter as RateLimiter),
    // 1 + 2 + 4 s of backoff fit well inside the batch's expiry; then pg-boss retries it later.
    rateLimitRetries: options.rateLimitRetries ?? 3,
    afterProviderAccepted: options.afterProviderAccepted,
  };
  const workOptions = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 };
  try {
    for (let slot = 0; slot < concurrency; slot++) {
      await boss.work<EmailBatchJob>(EMAIL_BATCH_QUEUE, workOptions, ([job]) => deliverBatch(context, job));
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    await db.$disconnect();
    await ownLimiter?.close();
    throw error;
  }
  log(`[email] batch worker started: ${concurrency} batches at a time, ${context.rateLimiter.perSecond} requests/s, transport ${transport.name}`);

  let stopped: Promise<void> | null = null;
  return {
    stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      stopped ??= (async () => {
        await boss.stop({ graceful, timeout: timeoutMs, wait: true, close: true });
        await db.$disconnect();
        await ownLimiter?.close();
      })();
      return stopped;
    },
  };
}
