import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "../platform/database/connection";
import { createPrismaClient } from "../platform/database/client";
import type { PrismaClient } from "../generated/prisma/client";

export const TEMPLATE_DATABASE = "convoca_template";

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { url: string; db: PrismaClient };

/**
 * A fresh, migrated database for the calling test file, copied from the
 * template and dropped when the file's tests are done.
 */
export async function createTestDatabase(maxConnections = 10): Promise<TestDatabase> {
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  await admin((client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`),
  );
  const url = withDatabase(inject("adminDatabaseUrl"), name);
  const db = createPrismaClient(url, maxConnections);
  afterAll(async () => {
    await db.$disconnect();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  });
  return { url, db };
}

/** Every row of every table of ours and the count of queued jobs, as one digest: equal digests, nothing written. */
export async function databaseDigest(db: PrismaClient): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table_name}" t`,
    );
    parts.push(`${table_name}:${row.digest ?? "-"}`);
  }
  const [jobs] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job`;
  parts.push(`jobs:${jobs.count}`);
  return parts.join("\n");
}
