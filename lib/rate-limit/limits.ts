import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { logError } from "@/lib/logging/log";

// Public writes (registrations, invitation answers, personal-page edits).
// Limits live in PostgreSQL so they hold across every instance of the app.
// Points per 10 minutes; the environment may raise them (a load test, an
// office behind one address) but never turns them off.
export const PUBLIC_WRITE_LIMITS = {
  perIp: { points: Number(process.env.RATE_LIMIT_PER_IP ?? 30), duration: 10 * 60 },
  perEmail: { points: Number(process.env.RATE_LIMIT_PER_EMAIL ?? 5), duration: 10 * 60 },
} as const;

/**
 * Looking up whether an address is a known referent (the registration form's
 * pre-fill) has a budget of its own, so a lookup never eats into the
 * registration the same person then sends. The per-IP limit follows the
 * public writes'; the per-address one stops probing who is a referent.
 */
export const REFERENT_LOOKUP_LIMITS = {
  perIp: PUBLIC_WRITE_LIMITS.perIp,
  perEmail: { points: 5, duration: 10 * 60 },
} as const;

type Limiters = {
  perIp: RateLimiterPostgres;
  perEmail: RateLimiterPostgres;
  lookupPerIp: RateLimiterPostgres;
  lookupPerEmail: RateLimiterPostgres;
  pool: pg.Pool;
};

const globalForLimits = globalThis as unknown as { convocaRateLimits?: Limiters };

function limiters(): Limiters {
  if (globalForLimits.convocaRateLimits) return globalForLimits.convocaRateLimits;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({ connectionString: url, max: 4, application_name: "convoca-rate-limit" });
  // An idle connection dropped by the server (restart, failover) must not crash the process.
  pool.on("error", (error) => logError`rate-limit pool: ${error.message}`);
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true } as const;
  globalForLimits.convocaRateLimits = {
    pool,
    perIp: new RateLimiterPostgres({ ...common, keyPrefix: "public-ip", ...PUBLIC_WRITE_LIMITS.perIp }),
    perEmail: new RateLimiterPostgres({ ...common, keyPrefix: "public-email", ...PUBLIC_WRITE_LIMITS.perEmail }),
    lookupPerIp: new RateLimiterPostgres({ ...common, keyPrefix: "lookup-ip", ...REFERENT_LOOKUP_LIMITS.perIp }),
    lookupPerEmail: new RateLimiterPostgres({ ...common, keyPrefix: "lookup-email", ...REFERENT_LOOKUP_LIMITS.perEmail }),
  };
  return globalForLimits.convocaRateLimits;
}

export type RateLimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

async function consume(limiter: RateLimiterPostgres, key: string): Promise<RateLimitVerdict> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    throw error;
  }
}

/**
 * Counts one public write against the caller's IP and, when known, the email
 * it is about. Refuses once either is over its limit.
 */
export async function limitPublicWrite(key: { ip: string; email?: string | null }): Promise<RateLimitVerdict> {
  const { perIp, perEmail } = limiters();
  const byIp = await consume(perIp, key.ip);
  if (!byIp.ok || !key.email) return byIp;
  return consume(perEmail, key.email.trim().toLowerCase());
}

/**
 * Counts one referent lookup against the caller's IP, then the address looked
 * up. A caller already over its own limit does not count against the address,
 * so many callers cannot use up a referent's lookups and turn off their
 * pre-fill.
 */
export async function limitReferentLookup(key: { ip: string; email: string }): Promise<RateLimitVerdict> {
  const { lookupPerIp, lookupPerEmail } = limiters();
  const byIp = await consume(lookupPerIp, key.ip);
  if (!byIp.ok) return byIp;
  return consume(lookupPerEmail, key.email.trim().toLowerCase());
}

export const RATE_LIMIT_MESSAGE = "Troppe richieste in poco tempo. Riprova tra qualche minuto.";

/**
 * The caller's address as the proxy in front of us reports it: the last
 * X-Forwarded-For entry, the one our own proxy appended. The entries before
 * it come from the client and could be anything, so a client cannot dodge the
 * per-IP limit by sending its own header.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
