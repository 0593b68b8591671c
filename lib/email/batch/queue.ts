// The queue of provider batches: one job per (up to) 100 messages of a
// join-link send. The job's id is the EmailBatch id and the provider call's
// idempotency key, so a job retried after a crash sends the same batch again
// under the same key and the provider delivers it once.
import type { EmailRetryPolicy } from "../queue";

export const EMAIL_BATCH_QUEUE = "email.batch";

/** Resend accepts at most 100 emails in one batch call. */
export const BATCH_SIZE = 100;

/** Only ids: no address and no join link sits in pg-boss's tables. */
export type EmailBatchJob = { joinLinkSendId: string };

export const DEFAULT_BATCH_RETRY_POLICY: EmailRetryPolicy = {
  retryLimit: 20,
  retryDelay: 2,
  retryBackoff: true,
  // A batch waits for its turn under the request rate, then one call: two minutes is a dead worker.
  expireInSeconds: 120,
};
