// A provider's request rate shared through PostgreSQL by every process that
// calls the provider (each email worker, each batch worker, on any machine):
// at most N requests in any one-second window, whatever the number of
// processes. The same rule as the in-process limiter (request-rate.ts): a
// request counts from the moment it is granted until one second after its
// answer came back, so the provider never sees N + 1 in one second, however
// late a request arrived.
//
// Every grant is a row of provider_requests, written under a row lock on the
// key's provider_rates row (acquirers take turns; nobody holds it while
// waiting). Times are PostgreSQL's clock_timestamp(), one clock for every
// process. Each limiter holds a session advisory lock on its own holder id
// for as long as it lives: a process that dies (SIGKILL, a lost machine)
// loses its lock with its connection, and the next acquirer counts that
// process's requests still in flight as answered at that moment, so they
// leave the window one second later (not after the lease). A 429 pauses
// every process (provider_rates.paused_until).
import { randomInt } from "node:crypto";
import pg from "pg";
import type { RateLimiter } from "./request-rate";

export type SharedRateLimiter = RateLimiter & {
  readonly key: string;
  /** Ends the limiter's connection (its requests in flight then count as answered). */
  close(): Promise<void>;
};

export type SharedRateLimiterOptions = {
  url: string;
  /** One key per provider account ("resend"): limiters with the same key share the rate. */
  key: string;
  perSecond: number;
  /** A request never answered (a hung call of a live process) stops counting after this long. */
  leaseMs?: number;
  log?: (line: string) => void;
};

const WINDOW_MS = 1000;
// Clocks tick in milliseconds (timestamptz(3) rounds) and timers fire late: a little slack on the window.
const SLACK_MS = 20;
const POLL_MS = 15;
/** The advisory lock class of limiter holders ("conv"); the holder id is the second key. */
export const HOLDER_LOCK_CLASS = 0x636f6e76;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Grant = { id: string } | { waitMs: number };

export async function createSharedRateLimiter(options: SharedRateLimiterOptions): Promise<SharedRateLimiter> {
  const limit = Math.max(1, Math.floor(options.perSecond));
  const leaseMs = options.leaseMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const { key } = options;
  let client: pg.Client | null = null;
  let holder = 0;
  let closed = false;
  let localPause = 0;
  // One statement sequence at a time on the limiter's one connection.
  let chain: Promise<unknown> = Promise.resolve();

  function exclusive<T>(run: (connection: pg.Client) => Promise<T>): Promise<T> {
    const next = chain.then(async () => {
      if (closed) throw new Error(`The rate limiter "${key}" is closed`);
      return run(await connection());
    });
    chain = next.catch(() => {});
    return next;
  }

  /** The limiter's connection, holding its holder lock; made again after a lost connection. */
  async function connection(): Promise<pg.Client> {
    if (client) return client;
    const fresh = new pg.Client({ connectionString: options.url, application_name: "convoca-provider-rate" });
    fresh.on("error", (error) => {
      log(`[rate] ${key}: connection lost (${error.message}), reconnecting on the next request`);
      if (client === fresh) client = null;
    });
    await fresh.connect();
    try {
      for (;;) {
        const candidate = randomInt(1, 2 ** 31 - 1);
        const { rows } = await fresh.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [HOLDER_LOCK_CLASS, candidate]);
        if (rows[0].locked) {
          holder = candidate;
          break;
        }
      }
    } catch (error) {
      await fresh.end().catch(() => {});
      throw error;
    }
    client = fresh;
    return fresh;
  }

  async function tryAcquire(connection: pg.Client): Promise<Grant> {
    await connection.query("BEGIN");
    try {
      await connection.query("INSERT INTO provider_rates (key) VALUES ($1) ON CONFLICT DO NOTHING", [key]);
      // The turn: whoever holds this row decides alone. Its clock is read after the lock is granted.
      const { rows: rate } = await connection.query<{ now: number; paused: number | null }>(
        `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now,
                (extract(epoch FROM paused_until) * 1000)::float8 AS paused
         FROM provider_rates WHERE key = $1 FOR UPDATE`,
        [key],
      );
      const { now, paused } = rate[0];
      if (paused !== null && paused > now) {
        await connection.query("COMMIT");
        return { waitMs: paused - now };
      }
      // Requests of dead holders (their lock is free) and past the lease: answered now, as far as we know.
      await connection.query(
        `UPDATE provider_requests SET answered_at = clock_timestamp()
         WHERE key = $1 AND answered_at IS NULL
           AND (started_at < clock_timestamp() - make_interval(secs => $4::float8 / 1000)
             OR holder IN (
               SELECT d.holder FROM (
                 SELECT DISTINCT holder FROM provider_requests WHERE key = $1 AND answered_at IS NULL AND holder <> $2
               ) d
               WHERE pg_try_advisory_xact_lock($3, d.holder)))`,
        [key, holder, HOLDER_LOCK_CLASS, leaseMs],
      );
      await connection.query(
        `DELETE FROM provider_requests
         WHERE key = $1 AND answered_at <= clock_timestamp() - make_interval(secs => $2::float8 / 1000)`,
        [key, WINDOW_MS + SLACK_MS],
      );
      const { rows: counted } = await connection.query<{ n: number; oldest: number | null }>(
        `SELECT count(*)::int AS n, (extract(epoch FROM min(answered_at)) * 1000)::float8 AS oldest
         FROM provider_requests WHERE key = $1`,
        [key],
      );
      const { n, oldest } = counted[0];
      if (n < limit) {
        const { rows } = await connection.query<{ id: string }>(
          "INSERT INTO provider_requests (key, holder, started_at) VALUES ($1, $2, clock_timestamp()) RETURNING id::text",
          [key, holder],
        );
        await connection.query("COMMIT");
        return { id: rows[0].id };
      }
      await connection.query("COMMIT");
      // All in flight: look again shortly. Otherwise until the oldest answer leaves the window.
      return { waitMs: oldest === null ? POLL_MS : Math.max(POLL_MS, oldest + WINDOW_MS + SLACK_MS - now) };
    } catch (error) {
      await connection.query("ROLLBACK").catch(() => {});
      throw error;
    }
  }

  function answered(id: string) {
    // Later than the real answer, never earlier: the window only grows.
    void exclusive((connection) => connection.query("UPDATE provider_requests SET answered_at = clock_timestamp() WHERE id = $1 AND answered_at IS NULL", [id])).catch(
      (error: unknown) => log(`[rate] ${key}: recording an answer failed (${error instanceof Error ? error.message : String(error)}); it counts until the lease ends`),
    );
  }

  // Connect now: a wrong URL fails at start, not at the first send.
  await exclusive(async () => {});

  return {
    key,
    perSecond: limit,
    async acquire() {
      for (;;) {
        const local = localPause - Date.now();
        if (local > 0) await sleep(local);
        const grant = await exclusive(tryAcquire);
        if ("id" in grant) {
          let done = false;
          return () => {
            if (done) return;
            done = true;
            answered(grant.id);
          };
        }
        await sleep(Math.min(grant.waitMs, WINDOW_MS + SLACK_MS));
      }
    },
    pause(ms) {
      localPause = Math.max(localPause, Date.now() + ms);
      void exclusive((connection) =>
        connection.query(
          `INSERT INTO provider_rates (key, paused_until) VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
           ON CONFLICT (key) DO UPDATE SET paused_until = GREATEST(COALESCE(provider_rates.paused_until, EXCLUDED.paused_until), EXCLUDED.paused_until)`,
          [key, ms],
        ),
      ).catch((error: unknown) => log(`[rate] ${key}: sharing a pause failed (${error instanceof Error ? error.message : String(error)})`));
    },
    async close() {
      await chain;
      closed = true;
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
