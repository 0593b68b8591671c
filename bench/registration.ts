// npm run bench:registration [-- --duration=15 --connections=50 …]
//
// Registration throughput and latency through the JSON API on the production
// server, against the same writes done straight over pg, then a burst of
// simultaneous submissions for a meeting with few seats. It prints figures
// and rewrites BENCHMARKS.md; it asserts nothing about time. What it starts
// (`scripts/serve.ts start` with a fresh embedded PostgreSQL under the temp
// dir and the email worker) is stopped and removed at the end, on error and
// on Ctrl-C.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPrismaClient } from "../lib/platform/database/client";
import { createMeeting } from "../lib/test/factories";
import { runApiLoad, runRace, type Sender } from "./support/api-load";
import { cpuPerRegistration } from "./support/cpu";
import { runRawWrites } from "./support/raw-writes";
import { summaryText, writeBenchmarksFile, type BenchRun, type RaceOutcome } from "./support/report";
import { ensureProductionBuild, Resources, startStack, tail } from "./support/stack";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { formatStatuses, ms, rate } from "./support/stats";

requireProjectRoot("npm run bench:registration");

const HELP = `Usage: npm run bench:registration [-- options]

  --duration=S        seconds of load per phase (API, then raw SQL)   BENCH_DURATION          15
  --connections=N     concurrent connections / pg clients             BENCH_CONNECTIONS       50
  --warmup=S          seconds of unmeasured API load first            BENCH_WARMUP            3
  --race=N            simultaneous submissions for the full meeting   BENCH_RACE_SUBMISSIONS  500
  --seats=N           seats of that meeting                           BENCH_RACE_SEATS        100
  --client-ips=N      distinct X-Forwarded-For addresses (0: none)    BENCH_CLIENT_IPS        0
  --worker=on|off     serve.ts's email worker (EMAIL_WORKER)          BENCH_WORKER            on
  --rate-limit=N      RATE_LIMIT_PER_IP and _PER_EMAIL of the server  BENCH_RATE_LIMIT        1000000
  --no-write          do not rewrite BENCHMARKS.md                    BENCH_WRITE=0`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      race: { type: "string" },
      seats: { type: "string" },
      "client-ips": { type: "string" },
      worker: { type: "string" },
      "rate-limit": { type: "string" },
      "no-write": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  exitWithHelp(values.help, HELP);
  const env = process.env;
  const number = numberOption(HELP);
  return {
    durationSeconds: number(values.duration, env.BENCH_DURATION, 15, { min: 1 }),
    connections: number(values.connections, env.BENCH_CONNECTIONS, 50, { min: 1 }),
    warmupSeconds: number(values.warmup, env.BENCH_WARMUP, 3, { min: 0 }),
    raceSubmissions: number(values.race, env.BENCH_RACE_SUBMISSIONS, 500, { min: 1 }),
    raceSeats: number(values.seats, env.BENCH_RACE_SEATS, 100, { min: 1 }),
    clientIps: number(values["client-ips"], env.BENCH_CLIENT_IPS, 0, { min: 0 }),
    worker: (values.worker ?? env.BENCH_WORKER ?? "on") !== "off",
    rateLimit: number(values["rate-limit"], env.BENCH_RATE_LIMIT, 1_000_000, { min: 1 }),
    write: !values["no-write"] && env.BENCH_WRITE !== "0",
  };
}

const log = (line: string) => console.log(`[bench] ${line}`);

async function registrationCounts(db: pg.Pool, meetingId: string) {
  const { rows } = await db.query<{ status: string; n: number; first: string; last: string }>(
    `SELECT status::text AS status, count(*)::int AS n, min(arrival)::text AS first, max(arrival)::text AS last
     FROM "Registration" WHERE "meetingId" = $1 GROUP BY status`,
    [meetingId],
  );
  return Object.fromEntries(rows.map((row) => [row.status, { n: row.n, first: BigInt(row.first), last: BigInt(row.last) }]));
}

async function main(resources: Resources) {
  const options = readOptions();
  const date = new Date();
  const loadAverage = os.loadavg()[0];
  const build = ensureProductionBuild(log);
  log(`Production build ${build.buildId}${build.built ? ", just built" : `, built ${build.builtAt.toISOString()}`}`);

  const stack = await startStack(resources, { worker: options.worker, rateLimit: options.rateLimit, log });
  const prisma = createPrismaClient(stack.databaseUrl, 2);
  resources.add("the benchmark's Prisma client", () => prisma.$disconnect());
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  resources.add("the benchmark's pg pool", () => db.end());

  const warmupMeeting = await createMeeting(prisma, { title: "Benchmark: riscaldamento" });
  const apiMeeting = await createMeeting(prisma, { title: "Benchmark: iscrizioni via API" });
  const rawMeeting = await createMeeting(prisma, { title: "Benchmark: iscrizioni via SQL" });
  const raceMeeting = await createMeeting(prisma, { title: "Benchmark: posti limitati", capacity: options.raceSeats });
  const run = randomBytes(3).toString("hex");
  const sender = (phase: string): Sender => ({ tag: `${run}.${phase}`, clientIps: options.clientIps });

  if (options.warmupSeconds > 0) {
    log(`Warm-up: ${options.warmupSeconds} s at ${Math.min(10, options.connections)} connections (not measured)`);
    await runApiLoad({
      baseUrl: stack.baseUrl,
      slug: warmupMeeting.slug,
      connections: Math.min(10, options.connections),
      durationSeconds: options.warmupSeconds,
      sender: sender("warmup"),
    });
  }

  log(`API: POST /api/convocazioni/${apiMeeting.slug}/iscrizioni, ${options.connections} connections, ${options.durationSeconds} s`);
  const apiCpuBefore = stack.cpu();
  const api = await runApiLoad({
    baseUrl: stack.baseUrl,
    slug: apiMeeting.slug,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    sender: sender("api"),
  });
  const apiCpu = cpuPerRegistration(apiCpuBefore, stack.cpu(), api.registrations);
  log(`  ${rate(api.perSecond)}, p50 ${ms(api.latency.p50)}, p95 ${ms(api.latency.p95)}, p99 ${ms(api.latency.p99)}; ${formatStatuses(api.statusCounts)}`);
  if (api.non2xx || api.errors) log(`  server log, last lines:\n${tail(stack.serverLog, 15)}`);
  const apiRows = Object.values(await registrationCounts(db, apiMeeting.id)).reduce((sum, { n }) => sum + n, 0);

  const { rows: sample } = await db.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM "EmailMessage" WHERE "meetingId" = $1 LIMIT 1`,
    [apiMeeting.id],
  );
  if (!sample.length) throw new Error("The API phase wrote no EmailMessage: nothing to compare the raw writes with.");

  log(`Raw SQL: the same writes over pg, ${options.connections} clients, ${options.durationSeconds} s`);
  const rawCpuBefore = stack.cpu();
  const raw = await runRawWrites({
    databaseUrl: stack.databaseUrl,
    slug: rawMeeting.slug,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    tag: run,
    emailData: sample[0].data,
  });
  const rawCpu = cpuPerRegistration(rawCpuBefore, stack.cpu(), raw.registrations);
  log(`  ${rate(raw.perSecond)}, p50 ${ms(raw.latency.p50)}, p95 ${ms(raw.latency.p95)}; failed ${raw.errors}`);

  log(`Race: ${options.raceSubmissions} simultaneous submissions for ${options.raceSeats} seats`);
  const responses = await runRace({
    baseUrl: stack.baseUrl,
    slug: raceMeeting.slug,
    submissions: options.raceSubmissions,
    sender: sender("race"),
  });
  const counts = await registrationCounts(db, raceMeeting.id);
  const confirmed = counts.CONFIRMED?.n ?? 0;
  const waitlisted = counts.WAITLISTED?.n ?? 0;
  const race: RaceOutcome = {
    submissions: options.raceSubmissions,
    seats: options.raceSeats,
    responses,
    confirmed,
    waitlisted,
    inArrivalOrder: !counts.CONFIRMED || !counts.WAITLISTED || counts.CONFIRMED.last < counts.WAITLISTED.first,
  };
  log(`  ${confirmed} confirmed, ${waitlisted} waitlisted; responses ${formatStatuses(responses.statusCounts)}`);
  if (confirmed !== options.raceSeats) {
    log(`!! RACE FAILED: ${confirmed} confirmed for ${options.raceSeats} seats — expected exactly ${options.raceSeats}.`);
  }

  const { rows: emails } = await db.query<{ written: number; delivered: number }>(
    `SELECT count(*)::int AS written, count(*) FILTER (WHERE status = 'SENT')::int AS delivered FROM "EmailMessage"`,
  );

  const flags = process.argv.slice(2).join(" ");
  const result: BenchRun = {
    command: `npm run bench:registration${flags ? ` -- ${flags}` : ""}`,
    date,
    machine: {
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      postgres: `${stack.postgresVersion} (embedded, default settings)`,
      loadAverage,
    },
    setup: [
      `**Server:** \`next start\` (production build ${build.buildId}) through \`scripts/serve.ts start\`, ` +
        `with a fresh embedded PostgreSQL in the system temp dir; the load generator runs on the same machine.`,
      `**Email worker:** ${stack.worker === "scripts/serve.ts" ? "beside the server (`scripts/serve.ts`)" : stack.worker}, outbox transport (RESEND_API_KEY unset).`,
      `**Rate limits:** RATE_LIMIT_PER_IP = RATE_LIMIT_PER_EMAIL = ${options.rateLimit}: the limiter runs on every request but never refuses; ` +
        (options.clientIps ? `requests spread over ${options.clientIps} X-Forwarded-For addresses.` : "no X-Forwarded-For, so every request is the same client."),
      `**Load:** ${options.connections} connections for ${options.durationSeconds} s after ${options.warmupSeconds} s of warm-up, ` +
        `a unique email per request, only HTTP 201 counted; the raw SQL phase runs ${options.connections} pg clients for as long, ` +
        `one transaction per registration as register() makes it (read the meeting, write the person and lock the meeting's row ` +
        `for key share, since this meeting has no capacity, take the seat and insert the registration, the EmailMessage and ` +
        `its pg-boss job through pg-boss's own send: seven round trips with BEGIN and COMMIT).`,
    ],
    api,
    apiRowsInDatabase: apiRows,
    raw,
    cpu: { api: apiCpu, raw: rawCpu },
    race,
    emails: emails[0],
  };

  console.log(`\n${summaryText(result)}\n`);
  if (options.write) {
    writeBenchmarksFile(path.join(ROOT, "BENCHMARKS.md"), result);
    log("BENCHMARKS.md rewritten.");
  }
  return confirmed === options.raceSeats ? 0 : 1;
}

const resources = new Resources();
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // Kept (not `once`): npm and tsx relay the terminal's Ctrl-C a second time,
  // and a signal without a listener would end the process before the clean-up.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping everything the benchmark started…`);
    void resources.release().finally(() => process.exit(130));
  });
}

let exitCode = 1;
try {
  exitCode = await main(resources);
} catch (error) {
  console.error(error);
} finally {
  await resources.release();
}
process.exit(exitCode);
