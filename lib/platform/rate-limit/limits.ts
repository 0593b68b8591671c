import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { logError, logWarn } from "@/lib/platform/logging/log";
import { CLIENT_ADDRESS_ENV, CLIENT_ADDRESS_HEADER, rateLimitKey, UNKNOWN_CLIENT } from "./client-address";

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

/**
 * Sign-in link requests have buckets of their own, so registrations never
 * use up a coordinator's sign-in (nor the other way round). Counted per
 * caller (IP) and per address *from the caller's network*: an attacker asking
 * for a coordinator's links uses up only their own network's share, not the
 * coordinator's. Against flooding an inbox from many networks, the address
 * also has an overall cap per hour; it does not apply from a network that
 * address last signed in from (remembered for 30 days, as a hash), so a
 * distributed attacker cannot shut the coordinator out at their usual desk
 * either. A limited request is answered as a sent one and sends nothing.
 */
export const SIGN_IN_LIMITS = {
  perIp: PUBLIC_WRITE_LIMITS.perIp,
  perAddressFromNetwork: PUBLIC_WRITE_LIMITS.perEmail,
  perAddress: { points: 4 * PUBLIC_WRITE_LIMITS.perEmail.points, duration: 60 * 60 },
  knownNetworkSeconds: 30 * 24 * 60 * 60,
} as const;

type Limiters = {
  perIp: RateLimiterPostgres;
  perEmail: RateLimiterPostgres;
  lookupPerIp: RateLimiterPostgres;
  lookupPerEmail: RateLimiterPostgres;
  signInPerIp: RateLimiterPostgres;
  signInPerAddressFromNetwork: RateLimiterPostgres;
  signInPerAddress: RateLimiterPostgres;
  signInKnownNetwork: RateLimiterPostgres;
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
    signInPerIp: new RateLimiterPostgres({ ...common, keyPrefix: "signin-ip", ...SIGN_IN_LIMITS.perIp }),
    signInPerAddressFromNetwork: new RateLimiterPostgres({ ...common, keyPrefix: "signin-email-net", ...SIGN_IN_LIMITS.perAddressFromNetwork }),
    signInPerAddress: new RateLimiterPostgres({ ...common, keyPrefix: "signin-email", ...SIGN_IN_LIMITS.perAddress }),
    signInKnownNetwork: new RateLimiterPostgres({ ...common, keyPrefix: "signin-known", points: 1, duration: SIGN_IN_LIMITS.knownNetworkSeconds }),
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

const addressKey = (email: string) => email.trim().toLowerCase();
const knownNetworkKey = (email: string, ip: string) => createHash("sha256").update(JSON.stringify([addressKey(email), ip])).digest("base64url");

/**
 * Counts one sign-in link request (see SIGN_IN_LIMITS): the caller's IP,
 * then the address from the caller's network, then the address overall
 * unless the caller's network is one it signed in from. A bucket already
 * over its limit stops the count, so the next ones are not used up.
 */
export async function limitSignInRequest(key: { ip: string; email: string }): Promise<RateLimitVerdict> {
  const { signInPerIp, signInPerAddressFromNetwork, signInPerAddress, signInKnownNetwork } = limiters();
  const email = addressKey(key.email);
  const byIp = await consume(signInPerIp, key.ip);
  if (!byIp.ok) return byIp;
  const fromNetwork = await consume(signInPerAddressFromNetwork, JSON.stringify([email, key.ip]));
  if (!fromNetwork.ok) return fromNetwork;
  if (await signInKnownNetwork.get(knownNetworkKey(email, key.ip))) return { ok: true };
  return consume(signInPerAddress, email);
}

/** After a sign-in link worked: the address's overall cap no longer applies from this network. */
export async function rememberSignInNetwork(key: { ip: string; email: string }): Promise<void> {
  await limiters().signInKnownNetwork.set(knownNetworkKey(key.email, key.ip), 1, SIGN_IN_LIMITS.knownNetworkSeconds);
}

export const RATE_LIMIT_MESSAGE = "Troppe richieste in poco tempo. Riprova tra qualche minuto.";

let warnedUnknownClient = false;

/**
 * The key the per-IP limits count the caller against: the address the web
 * server (scripts/web-server.ts, what `npm start` runs) worked out from the
 * connection and TRUSTED_PROXIES and wrote into its own header, overwriting
 * whatever the client sent there (IPv6 by its /64, see rateLimitKey). Served
 * some other way (a bare `next start`), the header could come from the
 * client, so it is not read and every caller shares one bucket: stricter,
 * never dodged.
 */
export function clientIp(headers: Headers): string {
  const fromServer = process.env[CLIENT_ADDRESS_ENV] === "1" ? headers.get(CLIENT_ADDRESS_HEADER) : null;
  if (fromServer) return rateLimitKey(fromServer);
  if (!warnedUnknownClient) {
    warnedUnknownClient = true;
    logWarn`rate limits: the client's address is unknown (not served by scripts/web-server.ts), so every caller shares one per-IP limit`;
  }
  return UNKNOWN_CLIENT;
}
