// npm run dev / npm start: the database (embedded unless DATABASE_URL is set),
// migrated and seeded when empty, then Next. Ctrl-C stops both.
import { spawn } from "node:child_process";
import path from "node:path";
import { openDatabase, type Database } from "../lib/platform/database/runtime";
import { applyMigrations } from "../lib/platform/database/migrate";
import { createPrismaClient } from "../lib/platform/database/client";
import { EmbeddedPostgresError } from "../lib/platform/database/embedded";
import { ensureEmailQueue } from "../lib/email/queue";
import { startEmailWorker, type EmailWorker } from "../lib/email/worker";
import { startBatchWorker, type BatchWorker } from "../lib/email/batch/worker";
import { ensureTickQueue } from "../lib/scheduling/queue";
import { startTickProcess, type TickProcess } from "../lib/scheduling/tick-process";
import { isEmpty, seed } from "../prisma/seed";
import { randomBytes } from "node:crypto";
import { DEMO_ADMIN, DEMO_COORDINATOR, DEMO_OBSERVER } from "../prisma/seed/reference-meeting";
import { logError } from "../lib/platform/logging/log";
import { parseTrustedProxies, TrustedProxiesError } from "../lib/platform/rate-limit/client-address";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/serve.ts dev|start");
  process.exit(2);
}
const port = process.env.PORT ?? "3000";
// Checked before anything starts: a server counting the wrong address would
// let clients choose their own per-IP limit (see scripts/web-server.ts).
try {
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(error instanceof TrustedProxiesError ? `${error.message} (see TRUSTED_PROXIES in README.md)` : error);
  process.exit(1);
}

let database: Database;
try {
  database = await openDatabase();
} catch (error) {
  logError`${error instanceof EmbeddedPostgresError ? error.message : error}`;
  process.exit(1);
}

let stopping = false;
let emailWorker: EmailWorker | undefined;
let batchWorker: BatchWorker | undefined;
let tickWorker: TickProcess | undefined;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await tickWorker?.stop().catch((error: unknown) => logError`Stopping the scheduler: ${error}`);
  await batchWorker?.stop().catch((error: unknown) => logError`Stopping the batch email worker: ${error}`);
  await emailWorker?.stop().catch((error: unknown) => logError`Stopping the email worker: ${error}`);
  await database.stop().catch((error: unknown) => logError`Stopping the database: ${error}`);
  process.exit(code);
}

try {
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
  await ensureEmailQueue(database.url);
  await ensureTickQueue(database.url);
  const prisma = createPrismaClient(database.url, 2);
  try {
    if (await isEmpty(prisma)) {
      const result = await seed(prisma);
      console.log(`Seeded ${result.municipalities} municipalities, the reference convocation and ${result.usersCreated} demo users.`);
    }
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  logError`${error}`;
  await shutdown(1);
}

// In development the outbox delivers to files (shown at /dev/email): a sent
// message keeps no link in the database.
if (mode === "dev" && !process.env.RESEND_API_KEY && process.env.EMAIL_OUTBOX_DIR === undefined) {
  process.env.EMAIL_OUTBOX_DIR = path.join(process.cwd(), ".data", "outbox");
}

// The email workers (one by one, and in provider batches for the join link)
// and the minute scheduler run beside the server unless they run on their own
// (`npm run worker`, EMAIL_WORKER=off here).
if (process.env.EMAIL_WORKER !== "off") {
  emailWorker = await startEmailWorker({ url: database.url });
  batchWorker = await startBatchWorker({ url: database.url });
  tickWorker = await startTickProcess(database.url);
  console.log(`Email: ${emailWorker.transport === "resend" ? "Resend" : "development outbox (see /dev/email)"}`);
}

// Auth.js signs its CSRF cookie and hashes sign-in tokens with AUTH_SECRET.
// Sessions live in the database, so a secret made up for this run only costs
// pending sign-in links on restart. A production deployment must set its own:
// with several instances, a link asked for on one must work on the others.
if (!process.env.AUTH_SECRET) {
  if (process.env.NODE_ENV === "production") {
    console.error("AUTH_SECRET is not set: set it (e.g. `openssl rand -base64 32`) on every instance.");
    await shutdown(1);
  }
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
}

// Next behind our own http server (scripts/web-server.ts), which tells the
// app each request's client address; in a process of its own, as `next dev`
// and `next start` run, so Next's NODE_ENV is not the workers'.
const next = spawn(
  process.execPath,
  ["--import", "tsx", path.join(process.cwd(), "scripts", "web-server.ts"), mode],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: port,
      DATABASE_URL: database.url,
      APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
      // Behind our own proxy (or on localhost): Auth.js may trust the Host header.
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);

console.log(
  [
    "",
    `Convoca: http://localhost:${port}`,
    `Area riservata: http://localhost:${port}/accedi — demo users ${DEMO_ADMIN.email} (admin), ${DEMO_COORDINATOR.email}, ${DEMO_OBSERVER.email}.`,
    "  Enter one of them: the sign-in link is printed here and shown at /dev/email (development outbox).",
    "",
  ].join("\n"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (next.exitCode === null && next.signalCode === null) next.kill(signal);
    else void shutdown(0);
  });
}
next.on("exit", (code, signal) => {
  void shutdown(code ?? (signal ? 0 : 1));
});
