// What /api/ready answers: whether this instance can do its work. Pure: the
// facts come from queries.ts (the database) and the migrations folder.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { ReadinessFacts } from "./queries";

/** pg-boss 10.4.2's schema version (node_modules/pg-boss/version.json); readiness.test.ts keeps them equal. */
export const PGBOSS_SCHEMA_VERSION = 24;

/**
 * A worker beats at most this long apart: the email workers run pg-boss
 * maintenance every 60 s (maintained_on moves at most every 2 minutes) and the
 * minute scheduler keeps the cron clock every 30 s (cron_on: every minute).
 */
export const HEARTBEAT_MAX_AGE_SECONDS = 5 * 60;

export type Check = { ok: boolean; detail?: string };
export type Readiness = {
  ok: boolean;
  /** The checks that fail, by name: what is not ready. */
  notReady: string[];
  checks: { database: Check; migrations: Check & { pending?: string[] }; queue: Check & { missing?: string[] }; workers: Check & { required: boolean } };
};

/** The migrations this build ships: every folder of prisma/migrations, as Prisma lists them. */
export async function shippedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

function age(seconds: number | null): string {
  return seconds === null ? "never" : `${Math.round(seconds)} s ago`;
}

/**
 * The verdict. `runsWorkers`: this instance runs the email workers and the
 * scheduler itself (EMAIL_WORKER not "off"), so their heartbeat is part of its
 * readiness; an instance with EMAIL_WORKER=off reports the workers' heartbeat
 * (written in the shared database by whichever worker process runs) without
 * being made unready by it.
 */
export function assessReadiness(input: {
  facts: ReadinessFacts | null;
  /** null when prisma/migrations cannot be read. */
  shipped: string[] | null;
  queues: string[];
  schedules: string[];
  runsWorkers: boolean;
}): Readiness {
  const { facts, shipped, runsWorkers } = input;
  if (!facts) {
    const unknown = { ok: false, detail: "not checked: the database does not answer" };
    return {
      ok: false,
      notReady: ["database", "migrations", "queue", ...(runsWorkers ? ["workers"] : [])],
      checks: { database: { ok: false, detail: "the database does not answer" }, migrations: unknown, queue: unknown, workers: { ...unknown, required: runsWorkers } },
    };
  }

  const applied = new Set(facts.appliedMigrations);
  const pending = (shipped ?? []).filter((name) => !applied.has(name));
  const migrations = !shipped
    ? { ok: false, detail: "prisma/migrations cannot be read" }
    : pending.length
      ? { ok: false, detail: `${pending.length} migration(s) not applied`, pending }
      : { ok: true };

  const { queue: boss } = facts;
  const missing = [
    ...input.queues.filter((name) => !boss.queues.includes(name)).map((name) => `queue ${name}`),
    ...input.schedules.filter((name) => !boss.schedules.includes(name)).map((name) => `schedule ${name}`),
  ];
  const queue =
    boss.schemaVersion === null
      ? { ok: false, detail: "pg-boss's schema is missing" }
      : boss.schemaVersion !== PGBOSS_SCHEMA_VERSION
        ? { ok: false, detail: `pg-boss's schema is at version ${boss.schemaVersion}, expected ${PGBOSS_SCHEMA_VERSION}` }
        : missing.length
          ? { ok: false, detail: `missing: ${missing.join(", ")}`, missing }
          : { ok: true };

  const fresh = (seconds: number | null) => seconds !== null && seconds <= HEARTBEAT_MAX_AGE_SECONDS;
  const beating = fresh(boss.maintainedSecondsAgo) && fresh(boss.cronSecondsAgo);
  const heartbeat = `email workers' maintenance ${age(boss.maintainedSecondsAgo)}, scheduler's clock ${age(boss.cronSecondsAgo)}`;
  const workers = { ok: beating, required: runsWorkers, detail: heartbeat };

  const checks = { database: { ok: true }, migrations, queue, workers };
  const notReady = (["database", "migrations", "queue", "workers"] as const).filter(
    (name) => !checks[name].ok && (name !== "workers" || runsWorkers),
  );
  return { ok: notReady.length === 0, notReady, checks };
}
