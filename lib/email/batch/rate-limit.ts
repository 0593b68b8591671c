// The provider's request rate, shared by every batch sender of the process:
// each call takes the next free slot, 1/rate seconds after the previous one,
// and a 429 pushes every later slot back.

export type RateLimiter = {
  /** Resolves when this caller may make its request. */
  acquire(): Promise<void>;
  /** The provider said "too many": nobody calls for `ms`. */
  pause(ms: number): void;
  readonly perSecond: number;
};

// Clocks and the network are not exact: a request sent exactly 1/rate after
// the previous one may land in the same one-second window at the provider.
const SAFETY_MS = 25;

export function createRateLimiter(perSecond: number, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): RateLimiter {
  const spacing = 1000 / perSecond + SAFETY_MS;
  let next = 0;
  return {
    perSecond,
    async acquire() {
      const now = Date.now();
      const slot = Math.max(now, next);
      next = slot + spacing;
      if (slot > now) await sleep(slot - now);
    },
    pause(ms) {
      next = Math.max(next, Date.now() + ms);
    },
  };
}

/** EMAIL_BATCH_RATE_PER_SECOND, or Resend's default limit of 2 requests a second. */
export function batchRateFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.EMAIL_BATCH_RATE_PER_SECOND);
  return Number.isFinite(value) && value > 0 ? value : 2;
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
