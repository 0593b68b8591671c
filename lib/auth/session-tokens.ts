// Database sessions without a usable token at rest: the cookie carries the
// session token, the Session table only its SHA-256 hash, as for every other
// token of the portal. A copy of the table (a backup, a leaked dump) opens no
// dashboard session.
import type { Adapter, AdapterSession } from "next-auth/adapters";
import { hashToken } from "@/lib/platform/security/tokens";

function withToken<T extends AdapterSession | null | undefined>(session: T, sessionToken: string): T {
  return (session ? { ...session, sessionToken } : session) as T;
}

/**
 * The adapter, with each session method hashing the cookie's value before it
 * reaches the database and giving the raw value back to Auth.js (which sets
 * the cookie from what createSession returns).
 */
export function withHashedSessionTokens(adapter: Adapter): Adapter {
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter;
  if (!createSession || !getSessionAndUser || !updateSession || !deleteSession) {
    throw new Error("The adapter must implement database sessions");
  }
  return {
    ...adapter,
    async createSession(session) {
      return withToken(await createSession({ ...session, sessionToken: hashToken(session.sessionToken) }), session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const found = await getSessionAndUser(hashToken(sessionToken));
      return found ? { ...found, session: withToken(found.session, sessionToken) } : found;
    },
    async updateSession(session) {
      return withToken(await updateSession({ ...session, sessionToken: hashToken(session.sessionToken) }), session.sessionToken);
    },
    async deleteSession(sessionToken) {
      const deleted = await deleteSession(hashToken(sessionToken));
      return deleted ? { ...deleted, sessionToken } : null;
    },
  };
}
