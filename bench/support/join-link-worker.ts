// The batch worker of bench:join-link, in a process of its own so the
// benchmark can kill it with SIGKILL halfway: no graceful stop, exactly like
// a crashed server. Resend is the benchmark's stub (RESEND_BASE_URL).
import { startBatchWorker } from "../../lib/email/batch/worker";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");

// BENCH_WORKER_LOG=1 prints the worker's lines with the time, to see where the seconds go.
const log = process.env.BENCH_WORKER_LOG === "1" ? (line: string) => console.error(`${new Date().toISOString()} ${line}`) : () => {};
await startBatchWorker({ url, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, log });
process.stdout.write("ready\n");
