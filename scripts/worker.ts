// npm run worker: delivers queued emails (the database is embedded unless
// DATABASE_URL is set). Ctrl-C or SIGTERM lets running deliveries finish.
import { openDatabase } from "../lib/database/runtime";
import { ensureEmailQueue } from "../lib/email/queue";
import { startEmailWorker } from "../lib/email/worker";

const database = await openDatabase();

async function start() {
  await ensureEmailQueue(database.url);
  return startEmailWorker({ url: database.url });
}

const worker = await start().catch(async (error: unknown) => {
  console.error(error);
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
