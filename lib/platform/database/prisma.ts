// The database's types and the two checks every data-layer file shares. No
// "server-only" here: the email worker, run by tsx outside Next, reaches it
// through lib/email. App code takes them from lib/db.ts, which re-exports them.
import { Prisma, type PrismaClient } from "../../generated/prisma/client";

/** The one client of the process (lib/db.ts) or a test's own. */
export type Db = PrismaClient;
/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type Tx = Prisma.TransactionClient;
/** Either: a function that works alone or inside its caller's transaction. */
export type DbOrTx = Db | Tx;

// A transaction client has $transaction too (nested transactions), but not $connect.
export function isClient(db: DbOrTx): db is Db {
  return "$connect" in db;
}

/** Prisma's unique-constraint violation (P2002): a duplicate the caller answers in its own words. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
