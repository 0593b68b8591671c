import { isLocalHost, parseDatabaseUrl } from "../../lib/platform/database/connection";
import { createPrismaClient } from "../../lib/platform/database/client";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { createMeeting } from "../../lib/test/factories";
import { E2E_DATABASE_URL } from "./environment";

export { uniqueSlug } from "../../lib/test/factories";

/** The e2e suite writes test data: it refuses any database but a local one. */
export function assertLocalDatabase(url: string) {
  const { host } = parseDatabaseUrl(url);
  if (!isLocalHost(host)) {
    throw new Error(`End-to-end tests write test data and run only against a local database, not ${host}.`);
  }
}

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  assertLocalDatabase(E2E_DATABASE_URL);
  client ??= createPrismaClient(E2E_DATABASE_URL, 3);
  return client;
}

/** A published meeting with its own slug, open for registration, so specs can run in parallel. */
export function seedMeeting(overrides: Partial<Prisma.MeetingCreateInput> = {}) {
  return createMeeting(testDb(), overrides);
}
