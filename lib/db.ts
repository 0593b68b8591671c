import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/platform/database/client";

export { isClient, isUniqueViolation, type Db, type DbOrTx, type Tx } from "@/lib/platform/database/prisma";

// One client per process, made on first use (a build imports this module
// without a database), kept across Next's hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The process's one Prisma client, created the first time it is asked for. */
export function db(): PrismaClient {
  return (globalForPrisma.prisma ??= createPrismaClient(databaseUrl()));
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm run dev` or `npm start`.");
  return url;
}
