// What the minute tick does: every piece of time-driven work, each idempotent
// (a second run, or two schedulers at once, does nothing twice) and each
// catching up on what a downtime left behind.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { runDueJoinLinkSends } from "@/lib/join-link/mutations";
import { runDueMessageRules } from "@/lib/message-rules/mutations";
import { readPecReceipts } from "@/lib/email/pec/mutations";
import { runDailyRetention } from "@/lib/retention/mutations";

export type DueWork = { name: string; run: (db: PrismaClient, now: Date) => Promise<unknown> };

export const DUE_WORK: DueWork[] = [
  { name: "join-link", run: runDueJoinLinkSends },
  { name: "message-rules", run: runDueMessageRules },
  // Never throws: a PEC mailbox that cannot be reached is logged and read next minute.
  { name: "pec-receipts", run: (db, now) => readPecReceipts(db, { now }) },
  // Once a day in Rome (the first tick of the day claims it); bad settings fail it, loudly, every tick.
  { name: "retention", run: (db, now) => runDailyRetention(db, { now }) },
];

/**
 * Runs every piece of due work in turn. One failing does not stop the others;
 * the failures are thrown together at the end, so pg-boss records the tick
 * as failed and the next tick tries again.
 */
export async function runDueWork(
  db: PrismaClient,
  { now = new Date(), work = DUE_WORK }: { now?: Date; work?: readonly DueWork[] } = {},
): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const item of work) {
    try {
      results[item.name] = await item.run(db, now);
    } catch (error) {
      failures.push(`${item.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(`Due work failed (${failures.join("; ")})`);
  return results;
}
