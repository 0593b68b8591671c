// A worker in a process of its own, for the test that kills it with SIGKILL:
// no graceful stop, no failed-job bookkeeping, exactly like a crashed server.
// EMAIL_WORKER_CONCURRENCY and EMAIL_WORKER_MAINTENANCE_SECONDS (optional)
// tune it for a large send; without them it runs as it always has.
import { startEmailWorker } from "../email/worker";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");

function optionalNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

await startEmailWorker({
  url,
  concurrency: optionalNumber("EMAIL_WORKER_CONCURRENCY") ?? 4,
  pollingIntervalSeconds: 0.5,
  maintenanceIntervalSeconds: optionalNumber("EMAIL_WORKER_MAINTENANCE_SECONDS"),
  log: () => {},
});
process.stdout.write("ready\n");
