// A Prisma client whose connections count what they send to PostgreSQL: every
// statement, BEGIN and COMMIT included, is one round trip.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll } from "vitest";
import { PrismaClient } from "../generated/prisma/client";

export type CountingClient = { db: PrismaClient; statements: string[] };

export function createCountingClient(url: string): CountingClient {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c TimeZone=UTC" });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [first] = args;
      statements.push(typeof first === "string" ? first : String((first as { text?: string }).text ?? first));
      return query(...args);
    };
  });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  afterAll(async () => {
    await db.$disconnect();
    await pool.end().catch(() => {});
  });
  return { db, statements };
}
