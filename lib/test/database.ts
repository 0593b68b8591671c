import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "../database/connection";
import { createPrismaClient } from "../database/client";
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
