// The provider rate shared through PostgreSQL: two limiters on their own
// connections (as two worker processes are, to the database) keep the
// combined rate, where two in-process limiters send twice the rate; a dead
// holder's request in flight frees its slot a second after its connection
// ends, not after the lease; a 429's pause reaches the other limiter.
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTestDatabase } from "@/lib/test/database";
import { createRateLimiter, type RateLimiter } from "./request-rate";
import { createSharedRateLimiter, type SharedRateLimiter } from "./shared-rate";

const { url } = await createTestDatabase(2);
const opened: SharedRateLimiter[] = [];
afterAll(async () => {
  await Promise.all(opened.map((limiter) => limiter.close()));
});

async function limiter(key: string, perSecond: number, leaseMs?: number) {
  const created = await createSharedRateLimiter({ url, key, perSecond, leaseMs, log: () => {} });
  opened.push(created);
  return created;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most arrivals in any one-second window. */
function maxInOneSecond(arrivals: number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * `callers` concurrent senders per limiter make `each` requests; the
 * "provider" notes when each request arrives (after a random delay on the
 * way) and answers after another.
 */
async function drive(limiters: RateLimiter[], callers: number, each: number, delays: () => [number, number]) {
  const arrivals: number[] = [];
  const perLimiter = limiters.map(() => 0);
  await Promise.all(
    limiters.flatMap((limit, index) =>
      Array.from({ length: callers }, async () => {
        for (let n = 0; n < each; n++) {
          const done = await limit.acquire();
          const [onTheWay, answering] = delays();
          await sleep(onTheWay);
          arrivals.push(Date.now());
          perLimiter[index]++;
          await sleep(answering);
          done();
        }
      }),
    ),
  );
  return { arrivals, perLimiter };
}

describe("the provider rate shared in PostgreSQL", () => {
  it("two limiters on one key never exceed the rate together, in any one-second window", async () => {
    const a = await limiter("combined", 4);
    const b = await limiter("combined", 4);
    const started = Date.now();
    const { arrivals, perLimiter } = await drive([a, b], 3, 4, () => [Math.random() * 40, Math.random() * 120]);
    expect(arrivals).toHaveLength(24);
    expect(maxInOneSecond(arrivals)).toBeLessThanOrEqual(4);
    // Both took part, and the 24 requests needed about 24 / 4 windows.
    expect(perLimiter.every((count) => count > 0)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
  }, 30_000);

  it("the in-process limiter, one per process, lets two processes send twice the rate (what the shared one fixes)", async () => {
    const { arrivals } = await drive([createRateLimiter(4), createRateLimiter(4)], 3, 3, () => [0, 5]);
    expect(maxInOneSecond(arrivals)).toBeGreaterThan(4);
  }, 30_000);

  it("holds for random rates, senders and delays (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 60 }),
        async (perSecond, callers, maxDelay) => {
          const key = `property-${perSecond}-${callers}-${maxDelay}-${Math.random()}`;
          const limiters = [await limiter(key, perSecond), await limiter(key, perSecond)];
          const each = Math.max(1, Math.ceil(perSecond / callers));
          const { arrivals } = await drive(limiters, callers, each, () => [Math.random() * maxDelay, Math.random() * maxDelay]);
          expect(maxInOneSecond(arrivals)).toBeLessThanOrEqual(perSecond);
        },
      ),
      { numRuns: 4 },
    );
  }, 60_000);

  it("a dead holder's request in flight leaves the window a second after its connection ends, not after the lease", async () => {
    const dying = await createSharedRateLimiter({ url, key: "dead-holder", perSecond: 1, leaseMs: 60_000, log: () => {} });
    const survivor = await limiter("dead-holder", 1, 60_000);
    await dying.acquire(); // Granted, never answered: the process "dies" mid-call.
    await dying.close();
    const started = Date.now();
    const done = await survivor.acquire();
    done();
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(5_000);
  }, 30_000);

  it("a live holder's request in flight keeps its slot until it is answered", async () => {
    const holding = await limiter("live-holder", 1);
    const other = await limiter("live-holder", 1);
    const done = await holding.acquire();
    let granted = 0;
    const waiting = other.acquire().then((release) => {
      granted = Date.now();
      release();
    });
    await sleep(1_500);
    expect(granted).toBe(0);
    const answeredAt = Date.now();
    done();
    await waiting;
    expect(granted - answeredAt).toBeGreaterThanOrEqual(900);
  }, 30_000);

  it("a pause after a 429 holds every limiter of the key", async () => {
    const a = await limiter("paused", 10);
    const b = await limiter("paused", 10);
    a.pause(1_500);
    await sleep(100); // The pause is written in the background.
    const started = Date.now();
    const done = await b.acquire();
    done();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_200);
  }, 30_000);

  it("keys are separate", async () => {
    const a = await limiter("key-a", 1);
    const b = await limiter("key-b", 1);
    await a.acquire();
    const started = Date.now();
    const done = await b.acquire();
    done();
    expect(Date.now() - started).toBeLessThan(500);
  });
});
