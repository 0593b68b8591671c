// The minute tick: a pg-boss cron schedule ("* * * * *") on a queue of its
// own. The schedule lives in pg-boss's tables, so it survives restarts; pg-boss
// makes one instance put each minute's job in the queue, whatever the number
// of processes; a worker of any process runs it. A worker also runs the due
// work once when it starts, to catch up after a downtime without waiting.
import PgBoss from "pg-boss";
import { createPrismaClient } from "@/lib/platform/database/client";
import { runDueWork } from "./due-work";
import { TICK_QUEUE } from "./queue";
import { logError, logText, safeLine } from "@/lib/platform/logging/log";

export { ensureTickQueue, TICK_CRON, TICK_QUEUE } from "./queue";

export type TickWorkerOptions = {
  url: string;
  log?: (line: string) => void;
  /** How often the worker looks for a tick job (seconds, pg-boss minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** Run the due work once at start (default true). */
  catchUpOnStart?: boolean;
  /** Tests: a clock of their own. */
  now?: () => Date;
};

export type TickWorker = {
  /** Resolves when the start-up catch-up has run. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
};

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Starts the cron clock and the tick worker of this process. */
export async function startTickWorker(options: TickWorkerOptions): Promise<TickWorker> {
  const print = options.log ?? logText;
  const log = (line: string) => print(safeLine(line));
  const now = options.now ?? (() => new Date());
  const db = createPrismaClient(options.url, 2);
  const boss = new PgBoss({
    connectionString: options.url,
    application_name: "convoca-tick",
    max: 3,
    // This instance takes part in keeping the cron schedule (pg-boss elects one per minute).
    schedule: true,
    supervise: false,
  });
  boss.on("error", (error) => logError`[tick] pg-boss: ${describe(error)}`);
  await boss.start();

  let running: Promise<void> = Promise.resolve();
  const tick = (reason: string) => {
    // One run at a time in this process; across processes the work itself is idempotent.
    running = running.catch(() => {}).then(async () => {
      try {
        const results = await runDueWork(db, { now: now() });
        log(`[tick] ${reason}: ${JSON.stringify(results)}`);
      } catch (error) {
        log(`[tick] ${reason} failed: ${describe(error)}`);
        throw error;
      }
    });
    return running;
  };

  await boss.work(TICK_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async () => {
    await tick("tick");
  });
  const caughtUp = options.catchUpOnStart === false ? Promise.resolve() : tick("start-up").catch(() => {});
  log("[tick] scheduler started: due work every minute");

  let stopped: Promise<void> | null = null;
  return {
    caughtUp,
    stop() {
      stopped ??= (async () => {
        await boss.stop({ graceful: true, timeout: 30_000, wait: true, close: true });
        await running.catch(() => {});
        await db.$disconnect();
      })();
      return stopped;
    },
  };
}
