// A worker in a process of its own, for the test that kills it with SIGKILL:
// no graceful stop, no failed-job bookkeeping, exactly like a crashed server.
import { startEmailWorker } from "../email/worker";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");

await startEmailWorker({ url, concurrency: 4, pollingIntervalSeconds: 0.5, log: () => {} });
process.stdout.write("ready\n");
