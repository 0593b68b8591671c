// npm run worker: delivers queued emails, one by one and in provider batches,
// and runs the minute scheduler (the database is embedded unless
// DATABASE_URL is set). Ctrl-C or SIGTERM lets running deliveries finish.
import { openDatabase } from "../lib/platform/database/runtime";
import { startBatchWorker } from "../lib/email/batch/worker";
import { ensureEmailQueue } from "../lib/email/queue";
import { startEmailWorker } from "../lib/email/worker";
import { ensureTickQueue } from "../lib/scheduling/queue";
import { startTickProcess } from "../lib/scheduling/tick-process";
import { logError } from "../lib/platform/logging/log";

const database = await openDatabase();

async function start() {
  await ensureEmailQueue(database.url);
  await ensureTickQueue(database.url);
  const email = await startEmailWorker({ url: database.url });
  const batch = await startBatchWorker({ url: database.url });
  const tick = await startTickProcess(database.url);
  return {
    async stop() {
      await tick.stop();
      await batch.stop();
      await email.stop();
    },
  };
}

const worker = await start().catch(async (error: unknown) => {
  logError`${error}`;
  await database.stop();
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`[email] ${signal}: finishing running deliveries…`);
  try {
    await worker.stop();
  } finally {
    await database.stop();
  }
  process.exit(0);
}

process.on("SIGINT", (signal) => void shutdown(signal));
process.on("SIGTERM", (signal) => void shutdown(signal));
