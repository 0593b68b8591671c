// The provider's request rate for the batch senders: the limiter itself is
// plumbing (lib/platform/rate-limit/request-rate.ts), shared with the PEC transport.
import { createRateLimiter, type RateLimiter } from "@/lib/platform/rate-limit/request-rate";

export { createRateLimiter, type RateLimiter };

/** EMAIL_BATCH_RATE_PER_SECOND, or Resend's default limit of 2 requests a second. */
export function batchRateFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.EMAIL_BATCH_RATE_PER_SECOND);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 2;
}

const shared = new Map<number, RateLimiter>();

/** One limiter per rate for the whole process: two batch workers in one process share the provider's limit. */
export function sharedRateLimiter(perSecond = batchRateFromEnv()): RateLimiter {
  let limiter = shared.get(perSecond);
  if (!limiter) {
    limiter = createRateLimiter(perSecond);
    shared.set(perSecond, limiter);
  }
  return limiter;
}
