// Delivers queued emails: one pg-boss job per EmailMessage, retried with
// backoff while the provider is down, and never sent twice (the message id
// is the provider's idempotency key, and a SENT row is never sent again).
import PgBoss from "pg-boss";
import { createPrismaClient } from "@/lib/platform/database/client";
import type { DbOrTx } from "@/lib/platform/database/prisma";
import { EmailDeliveryError } from "../platform/email-transport/delivery-error";
import {
  claimEmailForDelivery,
  markEmailFailed,
  markEmailSent,
  recordEmailRetry,
} from "./mutations";
import { EMAIL_QUEUE, type EmailJob } from "./queue";
import { cancelIfSuppressed } from "./suppression/mutations";
import { EmailTemplateError, renderStoredEmail } from "./render";
import { createEmailTransport, type EmailTransport } from "../platform/email-transport/transport";
import { providerRateLimiter, type RateLimiter } from "./batch/rate-limit";
import { describeError, logError, logText, safeLine } from "@/lib/platform/logging/log";
import { createPecTransport } from "@/lib/platform/pec-transport/transport";
import { dispatchAttachmentsOf } from "@/lib/dispatch/attachments";
import { CONVOCATION_TEMPLATE } from "@/lib/dispatch/constants";
import { isInterruptedPec, pecAcceptanceOf } from "./pec/queries";

export type EmailWorkerOptions = {
  url: string;
  /** Messages delivered at the same time. */
  concurrency?: number;
  /** How often an idle worker looks for jobs (pg-boss minimum: 0.5). */
  pollingIntervalSeconds?: number;
  /** How often jobs left active by a dead worker are expired into a retry (pg-boss minimum: 1). */
  maintenanceIntervalSeconds?: number;
  /** Defaults to Resend or the outbox, by RESEND_API_KEY. */
  transport?: EmailTransport;
  /** For messages on the PEC channel; defaults to the PEC server or the outbox, by PEC_SMTP_URL. */
  pecTransport?: EmailTransport;
  log?: (line: string) => void;
  /**
   * Fault injection for tests: runs after the provider accepted a message and
   * before it is marked SENT, so a throw here is a crash at the worst moment.
   */
  afterProviderAccepted?: (messageId: string) => void | Promise<void>;
  /**
   * The provider's request rate for Resend sends. By default (Resend as the
   * transport) the limiter shared in PostgreSQL with every batch and email
   * worker (lib/email/batch/rate-limit.ts), closed on stop; none for the outbox.
   */
  rateLimiter?: RateLimiter | null;
  /** Whether the PEC receipts are read back (the tick, with PEC_IMAP_URL); by default, whether PEC_IMAP_URL is set. */
  pecReceiptsRead?: boolean;
};

export type EmailWorker = {
  transport: EmailTransport["name"];
  /** Graceful by default: stops taking jobs and lets running deliveries finish (up to timeoutMs). */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
};

type DeliveryContext = Required<Pick<EmailWorkerOptions, "transport" | "pecTransport" | "log" | "pecReceiptsRead">> &
  Pick<EmailWorkerOptions, "afterProviderAccepted"> & { db: DbOrTx; rateLimiter: RateLimiter | null };

type Outcome = "sent" | "skipped" | "failed";

/** What the row keeps as its last error (the dashboard shows it); a log line says only describeError's. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Retries after a crash that wait for the PEC server's word before sending
 * again: with the default policy (5 s, doubling) about five minutes, while
 * the minute tick reads the acceptance receipt if the server had the message.
 */
export const PEC_RECEIPT_WAIT_RETRIES = 6;

/**
 * A PEC message whose last attempt died mid-send. SMTP has no idempotency
 * key: sending again could deliver the convocation twice. So its receipts
 * decide: an acceptance means the server has it (SENT, not sent again); no
 * receipt yet, while receipts are read, waits for one over the next retries;
 * after those, or with no receipts to read, or refused, it goes again.
 * Null: send it.
 */
async function settleInterruptedPec(context: DeliveryContext, job: PgBoss.JobWithMetadata<EmailJob>): Promise<Outcome | null> {
  const { db, log, pecTransport } = context;
  const id = job.data.messageId;
  const verdict = await pecAcceptanceOf(db, id);
  if (verdict?.accepted) {
    await markEmailSent(db, { id, delivery: { transport: pecTransport.name, providerId: verdict.messageId ?? id } });
    log(`[email] ${id}: an interrupted PEC the server had accepted (receipt found), marked SENT without sending again`);
    return "sent";
  }
  if (!verdict && context.pecReceiptsRead && job.retryCount < Math.min(PEC_RECEIPT_WAIT_RETRIES, job.retryLimit)) {
    log(`[email] ${id}: an interrupted PEC with no receipt yet; waiting for the server's acceptance before sending again`);
    throw new EmailDeliveryError("PEC interrotta: in attesa della ricevuta di accettazione prima di un nuovo invio", true);
  }
  return null;
}

async function deliver(context: DeliveryContext, job: PgBoss.JobWithMetadata<EmailJob>): Promise<Outcome> {
  const { db, log } = context;
  const id = job.data.messageId;
  // Only a retry can find a PEC its last attempt left SENDING: first attempts skip the read.
  const interrupted = job.retryCount > 0 && (await isInterruptedPec(db, id));
  const message = await claimEmailForDelivery(db, id);
  if (!message) {
    log(`[email] ${id}: already sent, failed, withdrawn or deleted; not sending`);
    return "skipped";
  }
  if (interrupted) {
    const verdict = await settleInterruptedPec(context, job);
    if (verdict) return verdict;
  }
  // Checked now, not at enqueue: a bounce or complaint since then counts too.
  const suppressed = await cancelIfSuppressed(db, message);
  if (suppressed) {
    log(`[email] ${id}: address on the suppression list (${suppressed}), marked CANCELLED`);
    return "skipped";
  }

  let rendered;
  try {
    rendered = await renderStoredEmail(message.template, message.data);
  } catch (error) {
    if (!(error instanceof EmailTemplateError)) throw error;
    await markEmailFailed(db, { id, error: describe(error) });
    log(`[email] ${id}: cannot be rendered, marked FAILED (${describeError(error)})`);
    return "failed";
  }

  // A convocation carries the letter and the blank scheda frozen on its dispatch.
  if (message.template === CONVOCATION_TEMPLATE) {
    const attachments = await dispatchAttachmentsOf(db, id);
    if (!attachments) {
      await markEmailFailed(db, { id, error: "EmailTemplateError: a convocation with no dispatch has no letter to attach" });
      log(`[email] ${id}: a convocation with no dispatch, marked FAILED`);
      return "failed";
    }
    rendered = { ...rendered, attachments: [...(rendered.attachments ?? []), ...attachments] };
  }

  const transport = message.channel === "PEC" ? context.pecTransport : context.transport;
  let providerId: string;
  try {
    const outgoing = { id, to: message.toEmail, toName: message.toName, channel: message.channel, ...rendered };
    const limiter = transport === context.transport ? context.rateLimiter : null;
    const answered = limiter ? await limiter.acquire() : null;
    try {
      ({ providerId } = await transport.send(outgoing));
    } catch (error) {
      // "Too many": every sender of the account waits a second (the retry itself comes from pg-boss).
      if (limiter && error instanceof EmailDeliveryError && error.rateLimited) limiter.pause(1000);
      throw error;
    } finally {
      answered?.();
    }
  } catch (error) {
    // Errors we do not recognise (a bug, a dropped socket) get the benefit of the doubt.
    const retryable = !(error instanceof EmailDeliveryError) || error.retryable;
    if (!retryable || job.retryCount >= job.retryLimit) {
      await markEmailFailed(db, { id, error: describe(error) });
      log(`[email] ${id}: attempt ${message.attempts} failed for good, marked FAILED (${describeError(error)})`);
      return "failed";
    }
    await recordEmailRetry(db, { id, error: describe(error) });
    log(`[email] ${id}: attempt ${message.attempts} failed, will retry (${describeError(error)})`);
    throw error;
  }

  await context.afterProviderAccepted?.(id);
  await markEmailSent(db, { id, delivery: { transport: transport.name, providerId } });
  log(`[email] ${id}: sent via ${transport.name} (${providerId})`);
  return "sent";
}

/**
 * Starts delivering jobs of the "email.deliver" queue with its own pg-boss and
 * Prisma connection pools. The queue must exist (ensureEmailQueue), and its
 * retry policy lives there.
 */
export async function startEmailWorker(options: EmailWorkerOptions): Promise<EmailWorker> {
  // Each polling loop takes at most one job per interval, so the defaults (4
  // loops, every 2 s) stay near Resend's default limit of 2 requests a second.
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const print = options.log ?? logText;
  const log = (line: string) => print(safeLine(line));
  const transport = options.transport ?? createEmailTransport();
  const pecTransport = options.pecTransport ?? createPecTransport();
  const db = createPrismaClient(options.url, concurrency + 1);

  const boss = new PgBoss({
    connectionString: options.url,
    application_name: "convoca-email-worker",
    max: concurrency + 2,
    // No cron schedules here; maintenance is what turns a dead worker's jobs into retries.
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  // An EventEmitter without an "error" listener would crash the process on the first hiccup.
  boss.on("error", (error) => logError`[email] pg-boss: ${describeError(error)}`);
  await boss.start();

  const pecReceiptsRead = options.pecReceiptsRead ?? Boolean(process.env.PEC_IMAP_URL?.trim());
  // Resend's limit is the account's, whoever calls: single sends share it with the batches.
  const ownLimiter =
    options.rateLimiter === undefined && transport.name === "resend"
      ? await providerRateLimiter(options.url).catch(async (error: unknown) => {
          await boss.stop({ graceful: false });
          await db.$disconnect();
          throw error;
        })
      : null;
  const rateLimiter = ownLimiter ?? options.rateLimiter ?? null;
  const context: DeliveryContext = {
    db,
    transport,
    pecTransport,
    log,
    pecReceiptsRead,
    rateLimiter,
    afterProviderAccepted: options.afterProviderAccepted,
  };
  const workOptions = {
    includeMetadata: true as const,
    batchSize: 1,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
  };
  try {
    // One polling loop per slot: with batches, one failure would retry the whole batch.
    for (let slot = 0; slot < concurrency; slot++) {
      await boss.work<EmailJob>(EMAIL_QUEUE, workOptions, ([job]) => deliver(context, job));
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    await db.$disconnect();
    await ownLimiter?.close();
    throw error;
  }
  log(`[email] worker started: ${concurrency} at a time, transport ${transport.name}, PEC ${pecTransport.name}`);

  let stopped: Promise<void> | null = null;
  return {
    transport: transport.name,
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
