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
  // A batch waits for its turn under the request rate (a few seconds with a few workers), then one
  // call, with at most 1 + 2 + 4 s of 429 backoff: 15 s is a dead worker. Its batch is then failed by
  // pg-boss's maintenance (every 2 s, lib/email/batch/worker.ts) and retried after retryDelay by any
  // worker, under the same idempotency key: a live but slow worker's batch retried too early is
  // answered by the provider without a second delivery, and claims the same messages.
  expireInSeconds: 15,
};
