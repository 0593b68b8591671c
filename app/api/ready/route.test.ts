// /api/ready against a real test database, one cause of "not ready" at a
// time; /api/health beside it, which must not care about the database.
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/platform/database/client";
import { startEmailWorker } from "@/lib/email/worker";
import { ensureEmailQueue } from "@/lib/email/queue";
import { shippedMigrations } from "@/lib/platform/health/readiness";
import { ensureTickQueue, startTickWorker, TICK_QUEUE } from "@/lib/scheduling/tick";
import { createTestDatabase } from "@/lib/test/database";
import { freePort } from "@/lib/test/free-port";
import { waitFor } from "@/lib/test/wait-for";

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");
const health = await import("../health/route");
await ensureTickQueue(url);

const saved = process.env.EMAIL_WORKER;
afterEach(() => {
  if (saved === undefined) delete process.env.EMAIL_WORKER;
  else process.env.EMAIL_WORKER = saved;
});

async function ready() {
  const response = await GET();
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: await response.json() };
}

/** The heartbeat pg-boss's processes write, as if they had just beaten (or `secondsAgo`). */
async function beat(secondsAgo = 0) {
  await db.$executeRawUnsafe(
    `UPDATE pgboss.version SET maintained_on = now() - interval '${secondsAgo} seconds', cron_on = now() - interval '${secondsAgo} seconds'`,
  );
}

describe("GET /api/ready", () => {
  it("a fresh database no worker has touched is not ready: the workers were never seen; the real workers make it ready", async () => {
    const before = await ready();
    expect(before.status).toBe(503);
    expect(before.body.notReady).toEqual(["workers"]);
    expect(before.body.checks.workers.detail).toBe("email workers' maintenance never, scheduler's clock never");

    // The processes `npm start` / `npm run worker` start, on this database.
    const email = await startEmailWorker({ url, log: () => {}, maintenanceIntervalSeconds: 1 });
    const tick = await startTickWorker({ url, log: () => {}, catchUpOnStart: false });
    try {
      await waitFor("the workers' first heartbeat", async () => (await ready()).status === 200, 20_000, 250);
      const after = await ready();
      expect(after.body).toMatchObject({ ok: true, notReady: [], checks: { database: { ok: true }, migrations: { ok: true }, queue: { ok: true }, workers: { ok: true } } });
    } finally {
      await tick.stop();
      await email.stop();
    }
  });

  it("is 503 naming the migration not applied", async () => {
    await beat();
    expect((await ready()).status).toBe(200);
    const [last] = (await shippedMigrations()).slice(-1);
    const [row] = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM _prisma_migrations WHERE migration_name = ${last}`;
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${last}`;
    try {
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.notReady).toEqual(["migrations"]);
      expect(body.checks.migrations).toEqual({ ok: false, detail: "1 migration(s) not applied", pending: [last] });
    } finally {
      await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
        VALUES (${row.id}, ${row.checksum}, now(), ${last}, now(), 1)`;
    }
    expect((await ready()).status).toBe(200);
  });

  it("is 503 when pg-boss's schema is at another version, or missing, or a queue or the minute schedule is gone", async () => {
    await beat();
    await db.$executeRawUnsafe("UPDATE pgboss.version SET version = 23");
    let answer = await ready();
    expect(answer.status).toBe(503);
    expect(answer.body.notReady).toEqual(["queue"]);
    expect(answer.body.checks.queue.detail).toBe("pg-boss's schema is at version 23, expected 24");
    await db.$executeRawUnsafe("UPDATE pgboss.version SET version = 24");

    await db.$executeRaw`DELETE FROM pgboss.schedule WHERE name = ${TICK_QUEUE}`;
    answer = await ready();
    expect(answer.status).toBe(503);
    expect(answer.body.checks.queue).toEqual({ ok: false, detail: "missing: schedule meetings.tick", missing: ["schedule meetings.tick"] });
    await ensureTickQueue(url);
    expect((await ready()).status).toBe(200);

    await db.$executeRawUnsafe("DROP SCHEMA pgboss CASCADE");
    answer = await ready();
    expect(answer.status).toBe(503);
    expect(answer.body.notReady).toEqual(["queue", "workers"]);
    expect(answer.body.checks.queue.detail).toBe("pg-boss's schema is missing");
    await ensureEmailQueue(url);
    answer = await ready();
    expect(answer.body.checks.queue.missing).toEqual(["queue meetings.tick", "schedule meetings.tick"]);
    await ensureTickQueue(url);
    await beat();
    expect((await ready()).status).toBe(200);
  });

  it("with workers of its own, a heartbeat older than five minutes is 503; with EMAIL_WORKER=off it is reported, not 503", async () => {
    await beat(6 * 60);
    delete process.env.EMAIL_WORKER;
    const own = await ready();
    expect(own.status).toBe(503);
    expect(own.body.notReady).toEqual(["workers"]);
    expect(own.body.checks.workers).toEqual({ ok: false, required: true, detail: "email workers' maintenance 360 s ago, scheduler's clock 360 s ago" });

    process.env.EMAIL_WORKER = "off";
    const webOnly = await ready();
    expect(webOnly.status).toBe(200);
    expect(webOnly.body.checks.workers).toMatchObject({ ok: false, required: false });

    await beat(4 * 60);
    delete process.env.EMAIL_WORKER;
    expect((await ready()).status).toBe(200);
  });

  it("is 503 when the database does not answer; /api/health still answers 200 without it", async () => {
    const holder = globalThis as unknown as { prisma?: typeof db };
    const own = holder.prisma;
    const dead = createPrismaClient(`postgresql://postgres:convoca@localhost:${await freePort()}/convoca`, 1);
    holder.prisma = dead;
    try {
      const started = Date.now();
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.notReady).toEqual(["database", "migrations", "queue", "workers"]);
      expect(body.checks.database).toEqual({ ok: false, detail: "the database does not answer" });
      expect(Date.now() - started).toBeLessThan(5_000);

      const live = health.GET();
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ ok: true });
    } finally {
      holder.prisma = own;
      await dead.$disconnect();
    }
  });
});
