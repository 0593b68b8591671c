// npm run bench:join-link [-- --registrants=1000 --rate=2 …]
//
// The join link's "Invia ora" to --registrants confirmed registrants
// (SQL-filled), delivered in provider batches by a batch worker in a child
// process against a local Resend-compatible stub that refuses more than
// --rate requests a second (429), as Resend does. Two runs:
//   1. seconds from "Invia ora" until every email is delivered (aim ≤ 10 s);
//   2. the same, with the worker killed (SIGKILL) halfway, while the provider
//      holds an accepted batch unanswered, then started again: duplicates at
//      the stub (deliveries of one EmailMessage > 1, must be 0) and lost
//      emails (never delivered, must be 0).
// The send is the service function the dashboard action calls, in this
// process; the stub runs here too and counts every delivery. It prints the
// figures and rewrites its section of BENCHMARKS.md.
//
// It starts a fresh embedded PostgreSQL under the system temp dir, migrated
// and seeded, and removes it at the end, on error and on Ctrl-C. The service
// imports "server-only": the npm script runs tsx with --conditions=react-server.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureEmailQueue } from "../lib/email/queue";
import { createMeeting, createRegistrants, createUser } from "../lib/test/factories";
import { startResendStub, type ResendStub } from "../lib/test/resend-stub";
import { log, machineLine, runBenchmark, startSeededDatabase, tableText } from "./support/in-process";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { writeSection } from "./support/report";
import type { Resources } from "./support/stack";

requireProjectRoot("npm run bench:join-link");

const HELP = `Usage: npm run bench:join-link [-- options]

  --registrants=N  confirmed registrants of the meeting                   BENCH_REGISTRANTS  1000
  --rate=N         requests a second the stub accepts (and the worker     BENCH_RATE         2
                   keeps to, EMAIL_BATCH_RATE_PER_SECOND)
  --expire=S       seconds before a dead worker's batch is retried        BENCH_EXPIRE       10
  --no-write       do not rewrite BENCHMARKS.md's section                 BENCH_WRITE=0`;

const SECTION_HEADING = "## Join link to every confirmed registrant (npm run bench:join-link)";
const AIM_SECONDS = 10;

function readOptions() {
  const { values } = parseArgs({
    options: {
      registrants: { type: "string" },
      rate: { type: "string" },
      expire: { type: "string" },
      "no-write": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  exitWithHelp(values.help, HELP);
  const env = process.env;
  const number = numberOption(HELP);
  return {
    registrants: number(values.registrants, env.BENCH_REGISTRANTS, 1000, { min: 1, max: 100_000, integer: true }),
    rate: number(values.rate, env.BENCH_RATE, 2, { min: 1, max: 100, integer: true }),
    expire: number(values.expire, env.BENCH_EXPIRE, 10, { min: 2, max: 600, integer: true }),
    write: !values["no-write"] && env.BENCH_WRITE !== "0",
  };
}

type Worker = { child: ChildProcess; exited: Promise<void> };

function startWorker(resources: Resources, env: NodeJS.ProcessEnv): Promise<Worker> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/support/join-link-worker.ts")], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  resources.add("the batch worker", async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the batch worker exited early (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve({ child, exited });
    });
  });
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type RunFigures = {
  label: string;
  registrants: number;
  writeMs: number;
  deliveredMs: number;
  providerCalls: number;
  refused429: number;
  duplicates: number;
  lost: number;
  killedAfter: number | null;
};

async function main(resources: Resources): Promise<number> {
  const options = readOptions();
  const loadAverage = os.loadavg()[0];
  const { db, databaseUrl, postgres } = await startSeededDatabase(resources, "join-link");
  process.env.DATABASE_URL = databaseUrl;
  const { sendJoinLinkNow } = await import("../lib/join-link/mutations");
  // A killed worker's batch job comes back after --expire seconds; quick retries otherwise.
  await ensureEmailQueue(databaseUrl, {}, { retryDelay: 1, retryBackoff: true, expireInSeconds: options.expire });

  const stub: ResendStub = await startResendStub({ rateLimitPerSecond: options.rate });
  resources.add("the Resend stub", () => stub.close());
  const workerEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RESEND_BASE_URL: stub.url,
    RESEND_API_KEY: "re_bench_dummy",
    EMAIL_BATCH_RATE_PER_SECOND: String(options.rate),
  };
  const coordinator = await createUser(db, "COORDINATOR");
  log(`stub: at most ${options.rate} requests/s (429 above), batches of at most 100`);

  async function warmUp() {
    const meeting = await createMeeting(db, { joinUrl: "https://videoconferenza.example/j/prova?pwd=riservato", platform: "Zoom" });
    await createRegistrants(db, meeting.id, 3);
    const worker = await startWorker(resources, workerEnv);
    const sent = await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id });
    if (!sent.ok) throw new Error(`The warm-up send was refused: ${sent.reason}`);
    await until("the warm-up send", async () => (await db.emailMessage.count({ where: { joinLinkSendId: sent.sendId, status: "SENT" } })) === 3, 60_000);
    worker.child.kill("SIGKILL");
    await worker.exited;
    log("warm-up: a send to 3 registrants, delivered");
  }

  async function run(label: string, kill: boolean): Promise<RunFigures> {
    const meeting = await createMeeting(db, { joinUrl: "https://videoconferenza.example/j/bench?pwd=riservato", platform: "Zoom" });
    await createRegistrants(db, meeting.id, options.registrants);
    await createRegistrants(db, meeting.id, 20, { status: "WAITLISTED" });
    // The window of the warm-up's call is over: the run starts with the full rate.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const before = { requests: stub.requests, deliveries: stub.deliveries.length, limited: stub.rateLimited };
    let worker = await startWorker(resources, workerEnv);
    log(`${label}: ${options.registrants} confirmed (+20 waitlisted); worker ready, pressing "Invia ora"`);

    const started = performance.now();
    const sent = await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id });
    if (!sent.ok) throw new Error(`The send was refused: ${sent.reason}`);
    const writeMs = performance.now() - started;
    const ids = (await db.emailMessage.findMany({ where: { joinLinkSendId: sent.sendId }, select: { id: true } })).map((row) => row.id);

    let killedAfter: number | null = null;
    if (kill) {
      // The provider accepts each batch at once and answers late: the kill lands in between.
      stub.setResponseDelay(300);
      const half = before.deliveries + Math.floor(ids.length / 2);
      await until("half of the emails at the stub", () => stub.deliveries.length >= half, 120_000);
      worker.child.kill("SIGKILL");
      await worker.exited;
      killedAfter = stub.deliveries.length - before.deliveries;
      stub.setResponseDelay(0);
      log(`${label}: worker killed with SIGKILL after ${killedAfter} deliveries; starting a new one`);
      worker = await startWorker(resources, workerEnv);
    }

    const timeout = 120_000 + options.expire * 1000;
    await until(
      "every email SENT",
      async () => (await db.emailMessage.count({ where: { joinLinkSendId: sent.sendId, status: "SENT" } })) === ids.length,
      timeout,
    );
    const deliveredMs = performance.now() - started;
    worker.child.kill("SIGKILL");
    await worker.exited;

    const counts = ids.map((id) => stub.deliveriesForMessage(id));
    const figures: RunFigures = {
      label,
      registrants: ids.length,
      writeMs,
      deliveredMs,
      providerCalls: stub.requests - before.requests,
      refused429: stub.rateLimited - before.limited,
      duplicates: counts.filter((count) => count > 1).length,
      lost: counts.filter((count) => count === 0).length,
      killedAfter,
    };
    log(`${label}: all ${ids.length} delivered in ${(deliveredMs / 1000).toFixed(1)} s; duplicates ${figures.duplicates}, lost ${figures.lost}`);
    return figures;
  }

  // A server that has sent before: the first send of a fresh process pays for loading modules and
  // preparing queries (about a second and a half here), which is no part of sending to a thousand.
  await warmUp();
  const runs = [await run("straight", false), await run("worker killed halfway", true)];

  const header = ["run", "emails", "written (s)", "all delivered (s)", "provider calls", "429s", "duplicates", "lost"];
  const rows = runs.map((figures) => [
    figures.killedAfter === null ? figures.label : `${figures.label} (after ${figures.killedAfter})`,
    String(figures.registrants),
    (figures.writeMs / 1000).toFixed(2),
    (figures.deliveredMs / 1000).toFixed(1),
    String(figures.providerCalls),
    String(figures.refused429),
    String(figures.duplicates),
    String(figures.lost),
  ]);
  const table = tableText(header, rows, 1);
  const [straight, killed] = runs;
  const aims = [
    { aim: `all delivered in ≤ ${AIM_SECONDS} s`, met: straight.deliveredMs <= AIM_SECONDS * 1000, measured: `${(straight.deliveredMs / 1000).toFixed(1)} s` },
    { aim: "0 duplicates after the kill", met: killed.duplicates === 0, measured: String(killed.duplicates) },
    { aim: "0 lost after the kill", met: killed.lost === 0, measured: String(killed.lost) },
  ];
  const machine = machineLine(postgres, loadAverage);
  console.log(`\n${table}\n`);
  for (const aim of aims) console.log(`${aim.met ? "met    " : "NOT MET"}  ${aim.aim}: ${aim.measured}`);

  if (options.write) {
    const section = [
      SECTION_HEADING,
      "",
      `Run on ${new Date().toISOString().slice(0, 10)}: ${machine}.`,
      "",
      `"Invia ora" to ${options.registrants} confirmed registrants (SQL-filled, plus 20 waitlisted who get nothing), after a warm-up send to 3: the send and its`,
      "emails written in one transaction, then delivered by the batch worker (a child process) in provider batches of 100 through the",
      `Resend SDK against a local stub that answers 429 above ${options.rate} requests/s. "All delivered" runs from the call until every`,
      "EmailMessage is SENT. In the second run the worker is killed with SIGKILL once half the emails reached the stub, while the stub",
      `holds an accepted batch unanswered, and a new worker starts at once; the dead worker's batch comes back after ${options.expire} s (the`,
      "batch queue's expiry in the run) and is sent again under the same idempotency key (its EmailBatch id), which the stub answers",
      "without delivering again. Duplicates: EmailMessages the stub delivered more than once; lost: never delivered.",
      "",
      "```",
      table,
      "```",
      "",
      ...aims.map((aim) => `- ${aim.met ? "met" : "**not met**"}: ${aim.aim} — ${aim.measured}`),
      "",
    ].join("\n");
    writeSection(path.join(ROOT, "BENCHMARKS.md"), SECTION_HEADING, section);
    log("BENCHMARKS.md: section rewritten");
  }
  return aims.every((aim) => aim.met) ? 0 : 1;
}

await runBenchmark(main);
