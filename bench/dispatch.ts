// npm run bench:dispatch [-- --comuni=400 --referents=1000 …]
//
// "Invia convocazione" to --comuni SAI Comuni by PEC and --referents active
// referents by email (written in bulk), delivered by the email worker in a
// child process: emails through the Resend SDK against a local
// Resend-compatible stub, PECs over SMTP to a local smtp-server standing for
// the PEC provider. Two runs, each on a meeting of its own:
//   1. ms from the sendConvocation call until it committed, and seconds until
//      every message is SENT;
//   2. the same, with the worker killed (SIGKILL) once half the messages
//      arrived, while the stub holds accepted emails unanswered, then started
//      again: duplicates (an EmailMessage that arrived more than once, must be
//      0) and lost (never arrived, must be 0), counted at the stub and at the
//      SMTP server (by the Message-ID, which carries the EmailMessage id).
// The send is the service function the dashboard action calls, in this
// process; the stub and the SMTP server run here too. It prints the figures
// and rewrites its section of BENCHMARKS.md.
//
// It starts a fresh embedded PostgreSQL under the system temp dir, migrated
// and seeded, and removes it at the end, on error and on Ctrl-C.
//
// The service imports "server-only", whose default build throws outside Next.
// Unlike the other benchmarks this one cannot run under
// --conditions=react-server: lib/dispatch/queries.ts renders emails, and
// react-markdown (a meeting-message template) needs the client build of React,
// which that condition replaces. So "server-only" alone is resolved to an
// empty module, by a resolve hook registered before the service is imported,
// as the unit tests alias it.
import { spawn, type ChildProcess } from "node:child_process";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { ensureEmailQueue } from "../lib/email/queue";
import { emailMessageIdOf } from "../lib/platform/pec-transport/transport";
import { createMeeting, createUser } from "../lib/test/factories";
import { freePort } from "../lib/test/free-port";
import { startResendStub, type ResendStub } from "../lib/test/resend-stub";
import { log, machineLine, runBenchmark, startSeededDatabase, tableText } from "./support/in-process";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { writeSection } from "./support/report";
import type { Resources } from "./support/stack";

requireProjectRoot("npm run bench:dispatch");

const SERVER_ONLY_HOOK = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,export {};", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(SERVER_ONLY_HOOK)}`);

const HELP = `Usage: npm run bench:dispatch [-- options]

  --comuni=N           SAI Comuni with a PEC (audience SAI_PEC)             BENCH_COMUNI           400
  --referents=N        active referents (audience REFERENTS)                BENCH_REFERENTS        1000
  --concurrency=N      delivery slots of the worker process                 BENCH_CONCURRENCY      16
  --expire=S           seconds before a dead worker's job is retried         BENCH_EXPIRE           5
  --pec-reply-delay=MS the SMTP server answers a message it received in     BENCH_PEC_REPLY_DELAY  0
                       full only after MS: widens the window where a
                       killed worker never learns its PEC went out
  --no-write           do not rewrite BENCHMARKS.md's section               BENCH_WRITE=0`;

const SECTION_HEADING = "## Convocation dispatch (npm run bench:dispatch)";
const PEC_FROM = "protocollo@pec.anci-sicilia.example.it";
const AUDIENCES = ["SAI_PEC", "REFERENTS"] as const;

function readOptions() {
  const { values } = parseArgs({
    options: {
      comuni: { type: "string" },
      referents: { type: "string" },
      concurrency: { type: "string" },
      expire: { type: "string" },
      "pec-reply-delay": { type: "string" },
      "no-write": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  exitWithHelp(values.help, HELP);
  const env = process.env;
  const number = numberOption(HELP);
  return {
    comuni: number(values.comuni, env.BENCH_COMUNI, 400, { min: 1, max: 20_000, integer: true }),
    referents: number(values.referents, env.BENCH_REFERENTS, 1000, { min: 1, max: 100_000, integer: true }),
    concurrency: number(values.concurrency, env.BENCH_CONCURRENCY, 16, { min: 1, max: 64, integer: true }),
    expire: number(values.expire, env.BENCH_EXPIRE, 5, { min: 2, max: 600, integer: true }),
    pecReplyDelay: number(values["pec-reply-delay"], env.BENCH_PEC_REPLY_DELAY, 0, { min: 0, max: 10_000, integer: true }),
    write: !values["no-write"] && env.BENCH_WRITE !== "0",
  };
}

/** The PEC provider: every message it received in full, by the EmailMessage id of its Message-ID. */
async function startSmtpCapture(replyDelayMs: number) {
  const arrivals = new Map<string, number>();
  let messages = 0;
  let unidentified = 0;
  const port = await freePort();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // A client that dies in the middle of the message destroys the stream: only whole messages end.
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        const headers = raw.subarray(0, Math.max(0, raw.indexOf("\r\n\r\n"))).toString("latin1");
        const id = emailMessageIdOf(/^message-id:\s*(.+)$/im.exec(headers)?.[1]);
        messages++;
        if (id) arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
        else unidentified++;
        // Received in full is the provider's responsibility from now on, whether the client hears the 250 or not.
        if (replyDelayMs > 0) setTimeout(() => callback(), replyDelayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    get messages() {
      return messages;
    },
    get unidentified() {
      return unidentified;
    },
    arrivalsFor: (id: string) => arrivals.get(id) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

type Worker = { child: ChildProcess; exited: Promise<void> };

function startWorker(resources: Resources, env: NodeJS.ProcessEnv): Promise<Worker> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/test/email-worker-process.ts")], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  resources.add("the email worker", async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the email worker exited early (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve({ child, exited });
    });
  });
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 50) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

type RunFigures = {
  label: string;
  recipients: number;
  commitMs: number;
  deliveredMs: number;
  resendRequests: number;
  smtpMessages: number;
  duplicates: number;
  lost: number;
  killedAfter: number | null;
};

async function main(resources: Resources): Promise<number> {
  const options = readOptions();
  const loadAverage = os.loadavg()[0];
  const { db, databaseUrl, postgres } = await startSeededDatabase(resources, "dispatch");
  process.env.DATABASE_URL = databaseUrl;
  const { sendConvocation, sendConvocationToMunicipalityPec } = await import("../lib/dispatch/mutations");
  const { getAudienceSummary } = await import("../lib/dispatch/queries");
  // A killed worker's jobs come back after --expire seconds; quick retries otherwise.
  await ensureEmailQueue(databaseUrl, { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: options.expire });

  const stub: ResendStub = await startResendStub();
  resources.add("the Resend stub", () => stub.close());
  const smtp = await startSmtpCapture(options.pecReplyDelay);
  resources.add("the SMTP server", () => smtp.close());
  const workerEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    RESEND_BASE_URL: stub.url,
    RESEND_API_KEY: "re_bench_dummy",
    PEC_SMTP_URL: smtp.url,
    PEC_FROM,
    PEC_RATE_PER_SECOND: "1000",
    // The stub has no rate limit: the provider's shared rate (2/s by default, single sends included) would be all this measured.
    EMAIL_BATCH_RATE_PER_SECOND: "1000",
    EMAIL_WORKER_CONCURRENCY: String(options.concurrency),
    EMAIL_WORKER_MAINTENANCE_SECONDS: "1",
  };

  // The seed's Comuni have no PEC and are not SAI members: the audiences are these, written in bulk.
  await db.municipality.createMany({
    data: Array.from({ length: options.comuni }, (_, index) => ({
      istatCode: `9${String(index).padStart(5, "0")}`,
      name: `Comune di prova ${index}`,
      province: "PA" as const,
      provinceName: "Palermo",
      saiMember: true,
      pec: `protocollo@pec.comune-${index}.example.it`,
    })),
  });
  const municipalities = await db.municipality.findMany({ where: { istatCode: { startsWith: "9" } }, select: { id: true }, orderBy: { istatCode: "asc" } });
  const persons = await db.person.createManyAndReturn({
    data: Array.from({ length: options.referents }, (_, index) => ({
      email: `referente-${index}@comune-${index % options.comuni}.example.it`,
      firstName: "Referente",
      lastName: `Numero ${index}`,
    })),
    select: { id: true },
  });
  await db.referent.createMany({
    data: persons.map((person, index) => ({
      municipalityId: municipalities[index % municipalities.length].id,
      personId: person.id,
      role: "TECHNICAL" as const,
      source: "COORDINATOR" as const,
      status: "ACTIVE" as const,
    })),
  });
  const total = options.comuni + options.referents;
  const coordinator = await createUser(db, "COORDINATOR");
  log(`${options.comuni} SAI Comuni with a PEC, ${options.referents} active referents; worker: ${options.concurrency} slots`);

  const sentCount = (meetingId: string) => db.emailMessage.count({ where: { meetingId, status: "SENT" } });

  // The first dispatch of a fresh process pays for loading modules, fonts and preparing queries: one PEC first.
  async function warmUp() {
    const meeting = await createMeeting(db);
    const worker = await startWorker(resources, workerEnv);
    const sent = await sendConvocationToMunicipalityPec(db, { actor: coordinator, meetingId: meeting.id, municipalityId: municipalities[0].id });
    if (!sent.ok) throw new Error(`The warm-up dispatch was refused: ${sent.reason}`);
    await until("the warm-up PEC", async () => (await sentCount(meeting.id)) === 1, 60_000);
    worker.child.kill("SIGKILL");
    await worker.exited;
    log("warm-up: one PEC, delivered");
  }

  async function run(label: string, kill: boolean): Promise<RunFigures> {
    const meeting = await createMeeting(db);
    const expected = (await getAudienceSummary(db, { meetingId: meeting.id, audiences: AUDIENCES })).toSend.length;
    if (expected !== total) throw new Error(`Expected ${total} recipients, the audiences have ${expected}`);
    const before = { requests: stub.requests, deliveries: stub.deliveries.length, smtp: smtp.messages };
    const arrived = () => stub.deliveries.length - before.deliveries + smtp.messages - before.smtp;
    let worker = await startWorker(resources, workerEnv);
    log(`${label}: worker ready, pressing "Invia convocazione" for ${total}`);

    // The provider accepts each email at once and answers late: the kill lands in between for some.
    if (kill) stub.setResponseDelay(300);
    const started = performance.now();
    const result = await sendConvocation(db, { actor: coordinator, meetingId: meeting.id, audiences: AUDIENCES, expected });
    const commitMs = performance.now() - started;
    if (!result.ok) throw new Error(`The dispatch was refused: ${result.reason}`);

    let killedAfter: number | null = null;
    if (kill) {
      await until("half of the messages at the stubs", () => arrived() >= Math.floor(total / 2), 300_000);
      worker.child.kill("SIGKILL");
      await worker.exited;
      killedAfter = arrived();
      stub.setResponseDelay(0);
      log(`${label}: worker killed with SIGKILL after ${killedAfter} arrivals; starting a new one`);
      worker = await startWorker(resources, workerEnv);
    }

    await until("every message SENT", async () => (await sentCount(meeting.id)) === total, 300_000 + options.expire * 1000, 100);
    const deliveredMs = performance.now() - started;
    worker.child.kill("SIGKILL");
    await worker.exited;

    const messages = await db.emailMessage.findMany({ where: { meetingId: meeting.id }, select: { id: true, channel: true } });
    const counts = messages.map((message) => (message.channel === "PEC" ? smtp.arrivalsFor(message.id) : stub.deliveriesForMessage(message.id)));
    const figures: RunFigures = {
      label,
      recipients: messages.length,
      commitMs,
      deliveredMs,
      resendRequests: stub.requests - before.requests,
      smtpMessages: smtp.messages - before.smtp,
      duplicates: counts.filter((count) => count > 1).length,
      lost: counts.filter((count) => count === 0).length,
      killedAfter,
    };
    log(
      `${label}: committed in ${commitMs.toFixed(0)} ms, all ${messages.length} SENT in ${(deliveredMs / 1000).toFixed(1)} s; ` +
        `duplicates ${figures.duplicates}, lost ${figures.lost}`,
    );
    return figures;
  }

  await warmUp();
  const runs = [await run("straight", false), await run("worker killed halfway", true)];
  if (smtp.unidentified > 0) log(`warning: ${smtp.unidentified} SMTP messages without a Message-ID of ours`);

  const header = ["run", "messages", "to commit (ms)", "all delivered (s)", "Resend requests", "SMTP messages", "duplicates", "lost"];
  const rows = runs.map((figures) => [
    figures.killedAfter === null ? figures.label : `${figures.label} (after ${figures.killedAfter})`,
    String(figures.recipients),
    figures.commitMs.toFixed(0),
    (figures.deliveredMs / 1000).toFixed(1),
    String(figures.resendRequests),
    String(figures.smtpMessages),
    String(figures.duplicates),
    String(figures.lost),
  ]);
  const table = tableText(header, rows, 1);
  const killed = runs[1];
  const aims = [
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
      `"Invia convocazione" (audiences SAI_PEC and REFERENTS) to ${options.comuni} SAI Comuni by PEC and ${options.referents} active referents by`,
      "email, after a warm-up dispatch of one PEC. \"To commit\" is the sendConvocation call: the letter and the blank scheda built as",
      "PDFs, one EmailMessage, DispatchRecipient and delivery job per address, in one transaction. Delivery is the email worker in a",
      `child process (${options.concurrency} slots, polling every 0.5 s), each message with both PDFs attached: emails through the Resend SDK`,
      "against a local stub, PECs over SMTP to a local smtp-server (PEC_RATE_PER_SECOND=1000, so the provider's throttle is not",
      `measured). "All delivered" runs from the call until every EmailMessage is SENT. In the second run the worker is killed with`,
      "SIGKILL once half the messages arrived, while the stub holds accepted emails unanswered (300 ms), and a new worker starts at",
      `once; the dead worker's jobs come back after ${options.expire} s (the queue's expiry in the run). Resend requests and SMTP messages count`,
      "every call, retries included; a retried email is answered from its idempotency key without being delivered again.",
      "Duplicates: EmailMessages that arrived more than once (at the stub, or at the SMTP server by Message-ID); lost: never arrived.",
      ...(options.pecReplyDelay > 0 ? ["", `The SMTP server answered each message ${options.pecReplyDelay} ms after receiving it in full.`] : []),
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
