import "server-only";
import type { Db } from "@/lib/db";

/** What pg-boss records of itself: its schema's version, its queues and schedules, and when a process last beat. */
export type QueueFacts = {
  /** pgboss.version.version; null when pg-boss's schema is not there. */
  schemaVersion: number | null;
  queues: string[];
  schedules: string[];
  /** Seconds since a supervising worker (the email workers) last ran maintenance; null when never. */
  maintainedSecondsAgo: number | null;
  /** Seconds since a scheduling process (the minute scheduler) last kept the cron clock; null when never. */
  cronSecondsAgo: number | null;
};

export type ReadinessFacts = { appliedMigrations: string[]; queue: QueueFacts };

/** An unreachable database answers within this, for the load balancer's sake. */
const TIMEOUT_MS = 3_000;

async function read(db: Db): Promise<ReadinessFacts> {
  const [{ migrations, boss }] = await db.$queryRaw<{ migrations: string | null; boss: string | null }[]>`
    SELECT to_regclass('public._prisma_migrations')::text AS migrations, to_regclass('pgboss.version')::text AS boss`;
  const appliedMigrations = migrations
    ? (
        await db.$queryRaw<{ name: string }[]>`
          SELECT migration_name AS name FROM _prisma_migrations
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`
      ).map((row) => row.name)
    : [];
  return { appliedMigrations, queue: boss ? await readQueue(db).catch(() => NO_QUEUE) : NO_QUEUE };
}

const NO_QUEUE: QueueFacts = { schemaVersion: null, queues: [], schedules: [], maintainedSecondsAgo: null, cronSecondsAgo: null };

async function readQueue(db: Db): Promise<QueueFacts> {
  const [version] = await db.$queryRaw<{ version: number; maintained: number | null; cron: number | null }[]>`
    SELECT version,
      EXTRACT(EPOCH FROM now() - maintained_on)::float8 AS maintained,
      EXTRACT(EPOCH FROM now() - cron_on)::float8 AS cron
    FROM pgboss.version LIMIT 1`;
  const queues = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue ORDER BY name`;
  const schedules = await db.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.schedule ORDER BY name`;
  return {
    schemaVersion: version ? Number(version.version) : null,
    queues: queues.map((row) => row.name),
    schedules: schedules.map((row) => row.name),
    maintainedSecondsAgo: version?.maintained ?? null,
    cronSecondsAgo: version?.cron ?? null,
  };
}

/** What /api/ready needs from the database; null when it does not answer (within 3 s). */
export async function readinessFacts(db: Db): Promise<ReadinessFacts | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), TIMEOUT_MS);
  });
  try {
    return await Promise.race([read(db).catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
