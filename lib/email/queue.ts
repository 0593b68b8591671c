import PgBoss from "pg-boss";
import { DEFAULT_BATCH_RETRY_POLICY, EMAIL_BATCH_QUEUE } from "./batch/queue";

export const EMAIL_QUEUE = "email.deliver";

/** What a job carries: only the id, so no personal data or join link sits in pg-boss's tables. */
export type EmailJob = { messageId: string };

/** How pg-boss retries a failed delivery; stored on the queue, so every job inherits it. */
export type EmailRetryPolicy = {
  retryLimit: number;
  /** Seconds; with backoff, roughly doubles at each retry. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active after this long is failed and retried (a worker that died mid-send). */
  expireInSeconds: number;
};

export const DEFAULT_RETRY_POLICY: EmailRetryPolicy = {
  retryLimit: 10,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
};

/**
 * Creates pg-boss's schema, the email queue and the provider-batch queue
 * (lib/email/batch), or brings their retry policies up to date. Idempotent
 * and safe to run from several processes at once (pg-boss migrates under an
 * advisory lock). Run it before the first enqueue: a send to a missing queue
 * inserts nothing.
 */
export async function ensureEmailQueue(
  url: string,
  policy: Partial<EmailRetryPolicy> = {},
  batchPolicy: Partial<EmailRetryPolicy> = {},
): Promise<void> {
  const options = { ...DEFAULT_RETRY_POLICY, ...policy };
  const batchOptions = { ...DEFAULT_BATCH_RETRY_POLICY, ...batchPolicy };
  const boss = new PgBoss({
    connectionString: url,
    application_name: "convoca-email-setup",
    max: 1,
    schedule: false,
    supervise: false,
  });
  await boss.start();
  try {
    await boss.createQueue(EMAIL_QUEUE, { name: EMAIL_QUEUE, policy: "standard", ...options });
    await boss.updateQueue(EMAIL_QUEUE, { name: EMAIL_QUEUE, ...options });
    await boss.createQueue(EMAIL_BATCH_QUEUE, { name: EMAIL_BATCH_QUEUE, policy: "standard", ...batchOptions });
    await boss.updateQueue(EMAIL_BATCH_QUEUE, { name: EMAIL_BATCH_QUEUE, ...batchOptions });
  } finally {
    await boss.stop({ graceful: false });
  }
}
