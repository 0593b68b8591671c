// The minute tick's queue and cron schedule, apart from the tick's work so
// that start-up scripts can create them without loading the data layer.
import PgBoss from "pg-boss";

export const TICK_QUEUE = "meetings.tick";
export const TICK_CRON = "* * * * *";

/**
 * Creates the tick queue and its schedule, or leaves them as they are.
 * Idempotent, like ensureEmailQueue; run it at start-up.
 */
export async function ensureTickQueue(url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, application_name: "convoca-tick-setup", max: 1, schedule: false, supervise: false });
  await boss.start();
  try {
    // "stately": at most one tick waiting and one running. A tick missed is made
    // up by the next one: no retries, and a stuck tick expires within two minutes.
    await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 120 });
    await boss.schedule(TICK_QUEUE, TICK_CRON, {}, { tz: "UTC" });
  } finally {
    await boss.stop({ graceful: false });
  }
}

