// A provider's request rate, shared by every sender of the process that
// calls it (the email batch worker, the PEC transport):
// at most N requests in any one-second window. A request counts from the
// moment it leaves until one second after its answer came back: the provider
// received it somewhere in between, so however late it arrived (a busy event
// loop, a slow network), the provider never sees N + 1 in one second. A 429
// pauses every sender.

export type RateLimiter = {
  /** Resolves when this caller may make its request, with the function to call when the answer arrives. */
  acquire(): Promise<() => void>;
  /** The provider said "too many": nobody calls for `ms`. */
  pause(ms: number): void;
  readonly perSecond: number;
};

const WINDOW_MS = 1000;
// Clocks tick in milliseconds and timers fire late: a little slack on the window.
const SLACK_MS = 20;
const POLL_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createRateLimiter(perSecond: number): RateLimiter {
  const limit = Math.max(1, Math.floor(perSecond));
  // Each request's answer time; null while it is in flight.
  const requests: { answeredAt: number | null }[] = [];
  let pausedUntil = 0;

  function waitMs(now: number): number {
    if (now < pausedUntil) return pausedUntil - now;
    for (let index = requests.length - 1; index >= 0; index--) {
      const answeredAt = requests[index].answeredAt;
      if (answeredAt !== null && answeredAt <= now - WINDOW_MS - SLACK_MS) requests.splice(index, 1);
    }
    if (requests.length < limit) return 0;
    const answered = requests.map((request) => request.answeredAt).filter((time): time is number => time !== null);
    // All in flight: look again shortly. Otherwise until the oldest answer leaves the window.
    return answered.length === 0 ? POLL_MS : Math.max(POLL_MS, Math.min(...answered) + WINDOW_MS + SLACK_MS - now);
  }

  return {
    perSecond: limit,
    async acquire() {
      for (let wait = waitMs(Date.now()); wait > 0; wait = waitMs(Date.now())) await sleep(wait);
      const request: { answeredAt: number | null } = { answeredAt: null };
      requests.push(request);
      return () => {
        request.answeredAt ??= Date.now();
      };
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
  };
}
