// The minute scheduler (lib/scheduling/tick.ts) in a process of its own,
// started by scripts/serve.ts and scripts/worker.ts. Its due work reaches the
// data layer's "server-only" modules, which load only under the react-server
// condition: this process runs with it (see startTickProcess), the server's
// does not. DATABASE_URL is required; SIGTERM lets a running tick finish.
import { ensureTickQueue, startTickWorker } from "../lib/scheduling/tick";
import { logError } from "../lib/platform/logging/log";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("[tick] DATABASE_URL is required");
  process.exit(2);
}

await ensureTickQueue(url);
const worker = await startTickWorker({ url });
process.stdout.write("[tick] ready\n");

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await worker.stop().catch((error: unknown) => logError`[tick] stopping: ${error}`);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
