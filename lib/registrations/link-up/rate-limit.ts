import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

// Lookups of a known referent have a budget of their own, so looking up an
// address never eats into the registration the same person then sends. Same
// table as the public writes (rate_limits), other key prefixes. The per-IP
// limit follows the public writes' (an office behind one address needs both
// raised); the per-address one stops probing who is a referent.
export const LOOKUP_LIMITS = {
  perIp: { points: Number(process.env.RATE_LIMIT_PER_IP ?? 30), duration: 10 * 60 },
  perEmail: { points: 5, duration: 10 * 60 },
} as const;

type Limiters = { perIp: RateLimiterPostgres; perEmail: RateLimiterPostgres };

const globalForLookups = globalThis as unknown as { convocaLookupLimits?: Limiters };

function limiters(): Limiters {
  if (globalForLookups.convocaLookupLimits) return globalForLookups.convocaLookupLimits;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: "convoca-lookup-limit" });
  pool.on("error", (error) => console.error("lookup rate-limit pool:", error.message));
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true } as const;
  globalForLookups.convocaLookupLimits = {
    perIp: new RateLimiterPostgres({ ...common, keyPrefix: "lookup-ip", ...LOOKUP_LIMITS.perIp }),
    perEmail: new RateLimiterPostgres({ ...common, keyPrefix: "lookup-email", ...LOOKUP_LIMITS.perEmail }),
  };
  return globalForLookups.convocaLookupLimits;
}

async function consumed(limiter: RateLimiterPostgres, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** Counts one lookup against the caller's address and the email looked up; false once either is over its limit. */
export async function lookupAllowed(ip: string, email: string): Promise<boolean> {
  const { perIp, perEmail } = limiters();
  // Both are always counted, so a refusal by one takes as long as a pass.
  const byIp = await consumed(perIp, ip);
  const byEmail = await consumed(perEmail, email);
  return byIp && byEmail;
}
