// The provider's request rate for every sender of email through it: the
// limiter is plumbing, shared through PostgreSQL by every worker process
// (lib/platform/rate-limit/shared-rate.ts); the in-process one
// (request-rate.ts) remains for tests and the PEC transport.
import { createRateLimiter, type RateLimiter } from "@/lib/platform/rate-limit/request-rate";
import { createSharedRateLimiter, type SharedRateLimiter } from "@/lib/platform/rate-limit/shared-rate";

export { createRateLimiter, type RateLimiter, type SharedRateLimiter };

/** EMAIL_BATCH_RATE_PER_SECOND, or Resend's default limit of 2 requests a second. */
export function batchRateFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.EMAIL_BATCH_RATE_PER_SECOND);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 2;
}

/** The key every process shares for the Resend account's request rate. */
export const PROVIDER_RATE_KEY = "resend";

/**
 * The provider's rate for this process, counted with every other process
 * on the same database: N workers together keep EMAIL_BATCH_RATE_PER_SECOND.
 */
export function providerRateLimiter(url: string, perSecond = batchRateFromEnv()): Promise<SharedRateLimiter> {
  return createSharedRateLimiter({ url, key: PROVIDER_RATE_KEY, perSecond });
}
