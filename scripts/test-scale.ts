// npm run test:scale: the scale-out shape of DESIGN.md, run and checked.
//
// nginx (deploy/nginx.conf's upstream and location blocks, plain HTTP on a
// spare port) in front of two `npm start` instances (EMAIL_WORKER=off,
// TRUSTED_PROXIES=127.0.0.1, i.e. nginx), two `npm run worker` processes and
// one PostgreSQL (embedded, under the system temp dir, migrated and seeded
// here first), with a Resend stub that notes when each request arrives and
// answers 429 above the configured rate, as Resend does. It checks:
//   (a) 300 simultaneous registrations for 100 seats, each from its own
//       address, through nginx: exactly 100 confirmed, 200 waitlisted;
//   (b) one address's registrations spread over both instances: exactly the
//       per-IP limit succeeds, the rest 429, whatever X-Forwarded-For it sends;
//   (e) one instance restarted (SIGTERM, then `npm start` again) under a load
//       of registrations: 0 failed requests, every 201 in the database once;
//   (c) the join link to 1,000 confirmed registrants, sent by both workers
//       together: at most EMAIL_BATCH_RATE_PER_SECOND requests at the stub
//       in any one-second window (confirmations of the phases above included),
//       no 429, each person reached once;
//   (d) one worker SIGKILLed mid-send (with batches in flight at the stub):
//       nothing lost, nothing doubled;
//   (f) the dead worker's batches resumed by the other one within seconds.
// It prints a table of figures, exits non-zero when a property fails, and
// stops everything it started, also on failure and Ctrl-C. The join-link
// service imports "server-only": the npm script runs tsx with
// --conditions=react-server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ensureEmailQueue } from "../lib/email/queue";
import { freePort } from "../lib/test/free-port";
import { createMeeting, createRegistrants, createUser } from "../lib/test/factories";
import { startResendStub } from "../lib/test/resend-stub";
import { registrationBody, registrationPath } from "../bench/support/api-load";
import { machineLine, runBenchmark, startSeededDatabase, tableText } from "../bench/support/in-process";
import { tail, type Resources } from "../bench/support/stack";
import { installNginx, NGINX_BINARY, scaleTestConfig } from "./scale/nginx-config";

// Below what the workers would send without a limit (8 single-email slots, 6 batch slots): the shared limit binds.
const RATE = Number(process.env.SCALE_RATE ?? 4);
const SEATS = 100;
const RACERS = 300;
const PER_IP = 30; // The production limit (RATE_LIMIT_PER_IP unset): 30 public writes per 10 minutes.
const JOIN_LINK_RECIPIENTS = 1000;
const RESUME_AIM_SECONDS = 30;
const ROOT = process.cwd();
const log = (line: string) => console.log(`[scale] ${new Date().toISOString().slice(11, 19)} ${line}`);

// ── processes ────────────────────────────────────────────────────────────────

type Child = { name: string; process: ChildProcess; logFile: string; exited: Promise<void> };

function launch(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Child {
  const out = createWriteStream(logFile, { flags: "a" });
  const child = spawn(args[0], args.slice(1), { env, detached: true, stdio: ["ignore", "pipe", "pipe"], cwd: ROOT });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { name, process: child, logFile, exited };
}

function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signalGroup(child: Child, signal: NodeJS.Signals, graceMs = 40_000) {
  const pid = child.process.pid;
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
  while (groupAlive(pid)) await sleep(50);
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, child?: Child) {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (child && child.process.exitCode !== null) throw new Error(`${child.name} exited while waiting for ${what}:\n${tail(child.logFile)}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}${child ? `:\n${tail(child.logFile)}` : ""}`);
    await sleep(100);
  }
}

// ── HTTP from many client addresses ──────────────────────────────────────────

type Answer = { status: number; upstream: string | null; error: string | null };

/** 127.0.0.0/8 is all loopback on Linux: each n is its own client address. */
function clientAddress(block: number, n: number) {
  return `127.${block}.${(n >> 8) & 255}.${(n & 255) || 1}`;
}

function post(port: number, pathname: string, body: string, options: { localAddress: string; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: pathname,
        method: "POST",
        localAddress: options.localAddress,
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...options.headers },
        timeout: 60_000,
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, upstream: (response.headers["x-upstream"] as string | undefined) ?? null, error: null }),
        );
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", (error) => resolve({ status: 0, upstream: null, error: error.message }));
    request.end(body);
  });
}

function countStatuses(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = answer.error ? `error (${answer.error})` : String(answer.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const describeStatuses = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");

/** The most arrivals in any one-second window. */
function maxInOneSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

// ── the production build ─────────────────────────────────────────────────────

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "test" || entry.name === "generated") continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) walk(path.join(ROOT, dir));
  for (const file of ["proxy.ts", "next.config.mjs", "package-lock.json"]) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function ensureBuild() {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  const stale = !existsSync(id) || statSync(id).mtimeMs < newestSource();
  if (!stale) {
    log("Production build: up to date (.next/BUILD_ID is newer than the sources)");
    return;
  }
  log(existsSync(id) ? "Production build is older than the sources: `next build`…" : "No production build: `next build`…");
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0) throw new Error("`next build` failed");
}

// ── the run ──────────────────────────────────────────────────────────────────

type Check = { property: string; measured: string; ok: boolean };

async function main(resources: Resources): Promise<number> {
  const loadAverage = os.loadavg()[0];
  const started = Date.now();
  if (!installNginx(log)) {
    console.error(`nginx is missing (${NGINX_BINARY}) and cannot be installed here (needs root and apt-get): the scale test cannot run.`);
    return 1;
  }
  ensureBuild();

  const dir = await mkdtemp(path.join(os.tmpdir(), "convoca-scale-"));
  await chmod(dir, 0o755);
  resources.add("the run's folder", () => rm(dir, { recursive: true, force: true }));
  const { db, databaseUrl, postgres } = await startSeededDatabase(resources, "scale");
  await ensureEmailQueue(databaseUrl);
  const stub = await startResendStub({ rateLimitPerSecond: RATE });
  resources.add("the Resend stub", () => stub.close());

  const [webPorts, nginxPort] = [[await freePort(), await freePort()], await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    APP_URL: `http://127.0.0.1:${nginxPort}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TRUSTED_PROXIES: "127.0.0.1",
    EMAIL_WORKER: "off",
    RESEND_API_KEY: "re_scale_dummy",
    RESEND_BASE_URL: stub.url,
    EMAIL_BATCH_RATE_PER_SECOND: String(RATE),
  };
  delete env.RATE_LIMIT_PER_IP;
  delete env.RATE_LIMIT_PER_EMAIL;
  delete env.EMAIL_OUTBOX_DIR;
  delete env.PORT;

  const children = new Set<Child>();
  resources.add("the instances, workers and nginx", async () => {
    await Promise.all([...children].map((child) => signalGroup(child, "SIGKILL", 5_000)));
  });
  const health = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;

  async function startWeb(index: number): Promise<Child> {
    const child = launch(`web ${index + 1}`, ["npm", "start"], { ...env, PORT: String(webPorts[index]) }, path.join(dir, `web${index + 1}.log`));
    children.add(child);
    await until(`web ${index + 1} on port ${webPorts[index]}`, health(webPorts[index]), 120_000, child);
    return child;
  }
  async function startWorker(index: number): Promise<Child> {
    const logFile = path.join(dir, `worker${index + 1}.log`);
    const child = launch(`worker ${index + 1}`, ["npm", "run", "worker"], env, logFile);
    children.add(child);
    await until(`worker ${index + 1}`, () => /batch worker started/.test(tail(logFile, 200)), 90_000, child);
    return child;
  }

  log(`Starting 2 web instances (ports ${webPorts.join(", ")}) and 2 workers…`);
  const web = await Promise.all([startWeb(0), startWeb(1)]);
  const workers = await Promise.all([startWorker(0), startWorker(1)]);

  const nginxConf = path.join(dir, "nginx.conf");
  // One line of the test's own beside the shipped blocks: which instance answered, for (b).
  writeFileSync(nginxConf, scaleTestConfig({ dir, listenPort: nginxPort, upstreamPorts: webPorts }).replace(/(listen 127\.0\.0\.1:\d+;)/, "$1\n        add_header X-Upstream $upstream_addr always;"));
  const nginx = launch("nginx", [NGINX_BINARY, "-p", dir, "-c", nginxConf], env, path.join(dir, "nginx.log"));
  children.add(nginx);
  await until("nginx", health(nginxPort), 15_000, nginx);
  log(`nginx on 127.0.0.1:${nginxPort} in front of both; stub at ${RATE} requests/s (429 above)`);
  const checks: Check[] = [];
  const figures: [string, string][] = [];

  // (a) the race for the seats.
  const race = await createMeeting(db, { capacity: SEATS });
  const raceAnswers = await Promise.all(
    Array.from({ length: RACERS }, (_, n) =>
      post(nginxPort, registrationPath(race.slug), registrationBody(`scale.race.${n}@example.it`), { localAddress: clientAddress(10, n + 1) }),
    ),
  );
  const raceRows = await db.registration.groupBy({ by: ["status"], where: { meetingId: race.id }, _count: true });
  const raceCount = (status: string) => raceRows.find((row) => row.status === status)?._count ?? 0;
  figures.push(["(a) registrations sent at once / seats", `${RACERS} / ${SEATS}`]);
  figures.push(["(a) answers", describeStatuses(countStatuses(raceAnswers))]);
  figures.push(["(a) confirmed / waitlisted in the database", `${raceCount("CONFIRMED")} / ${raceCount("WAITLISTED")}`]);
  checks.push({
    property: `(a) exactly ${SEATS} confirmed of ${RACERS}`,
    measured: `${raceCount("CONFIRMED")} confirmed, ${raceCount("WAITLISTED")} waitlisted, ${raceAnswers.filter((a) => a.status === 201).length} × 201`,
    ok: raceCount("CONFIRMED") === SEATS && raceCount("WAITLISTED") === RACERS - SEATS && raceAnswers.every((a) => a.status === 201),
  });
  log(`(a) done: ${describeStatuses(countStatuses(raceAnswers))}`);

  // (b) one client address across both instances, claiming another address each time.
  const open = await createMeeting(db, {});
  const limitAnswers: Answer[] = [];
  for (let n = 0; n < PER_IP + 10; n++) {
    limitAnswers.push(
      await post(nginxPort, registrationPath(open.slug), registrationBody(`scale.limit.${n}@example.it`), {
        localAddress: "127.20.0.1",
        headers: { "x-forwarded-for": `203.0.113.${n + 1}` },
      }),
    );
  }
  const upstreams = new Set(limitAnswers.map((answer) => answer.upstream).filter(Boolean));
  const limited = limitAnswers.filter((answer) => answer.status === 429).length;
  const accepted = limitAnswers.filter((answer) => answer.status === 201).length;
  figures.push(["(b) one address, requests / 201 / 429", `${limitAnswers.length} / ${accepted} / ${limited}`]);
  figures.push(["(b) instances that answered", String(upstreams.size)]);
  checks.push({
    property: `(b) the per-IP limit (${PER_IP}) holds across both instances`,
    measured: `${accepted} accepted, ${limited} refused, by ${upstreams.size} instances`,
    ok: accepted === PER_IP && limited === 10 && upstreams.size === 2,
  });
  log(`(b) done: ${accepted} × 201, ${limited} × 429 from ${upstreams.size} instances`);

  // (e) a rolling restart of one instance under load.
  const rolling = await createMeeting(db, {});
  const loadAnswers: Answer[] = [];
  let sequence = 0;
  let loading = true;
  // Four clients in a loop, each a new person from a new address every 250 ms at most.
  const loaders = Array.from({ length: 4 }, async () => {
    while (loading) {
      const n = ++sequence;
      const pace = sleep(250);
      loadAnswers.push(
        await post(nginxPort, registrationPath(rolling.slug), registrationBody(`scale.rolling.${n}@example.it`), { localAddress: clientAddress(30, n) }),
      );
      await pace;
    }
  });
  await sleep(2_000);
  const restartStarted = Date.now();
  log("(e) SIGTERM to web 1 under load…");
  await signalGroup(web[0], "SIGTERM");
  children.delete(web[0]);
  const stoppedAfter = Date.now() - restartStarted;
  log(`(e) web 1 stopped after ${(stoppedAfter / 1000).toFixed(1)} s; npm start again…`);
  web[0] = await startWeb(0);
  const restartedAfter = Date.now() - restartStarted;
  await sleep(3_000);
  loading = false;
  await Promise.all(loaders);
  const rollingRows = await db.registration.count({ where: { meetingId: rolling.id } });
  const rollingCreated = loadAnswers.filter((answer) => answer.status === 201).length;
  const rollingFailed = loadAnswers.filter((answer) => answer.status !== 201).length;
  figures.push(["(e) requests during the restart / failed", `${loadAnswers.length} / ${rollingFailed}`]);
  figures.push(["(e) answers", describeStatuses(countStatuses(loadAnswers))]);
  figures.push(["(e) web 1 drained and exited / serving again after", `${(stoppedAfter / 1000).toFixed(1)} s / ${(restartedAfter / 1000).toFixed(1)} s`]);
  figures.push(["(e) registrations in the database / 201s", `${rollingRows} / ${rollingCreated}`]);
  checks.push({
    property: "(e) 0 failed requests while an instance restarts",
    measured: `${rollingFailed} of ${loadAnswers.length} failed; ${rollingRows} rows for ${rollingCreated} × 201`,
    ok: rollingFailed === 0 && rollingRows === rollingCreated && loadAnswers.length > 0,
  });
  log(`(e) done: ${describeStatuses(countStatuses(loadAnswers))}`);

  // (c), (d), (f): the join link to a thousand, by both workers, one of them killed.
  const { sendJoinLinkNow } = await import("../lib/join-link/mutations");
  const coordinator = await createUser(db, "COORDINATOR");
  const meeting = await createMeeting(db, { joinUrl: "https://videoconferenza.example/j/scala?pwd=riservato", platform: "Zoom" });
  await createRegistrants(db, meeting.id, JOIN_LINK_RECIPIENTS);
  // The confirmations of the phases above first: the worker killed below then holds only batches
  // (a dead worker's single emails come back after their own, longer expiry: lib/email/queue.ts).
  const drainStarted = Date.now();
  await until("the confirmations SENT", async () => (await db.emailMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } })) === 0, 180_000);
  figures.push(["(c) confirmation emails of (a), (b), (e) / all SENT after (e) ended by", `${stub.deliveries.length} / ${((Date.now() - drainStarted) / 1000).toFixed(1)} s`]);
  // The provider takes its time to answer: the kill lands on batches in flight.
  stub.setResponseDelay(1_500);
  const sendStarted = Date.now();
  const sent = await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id });
  if (!sent.ok) throw new Error(`The join-link send was refused: ${sent.reason}`);
  const ids = (await db.emailMessage.findMany({ where: { joinLinkSendId: sent.sendId }, select: { id: true } })).map((row) => row.id);
  const activeBatches = async () =>
    (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.batch' AND state = 'active'`)[0].n;
  // More than one worker's three slots active: both workers hold batches.
  await until("both workers holding batches", async () => (await activeBatches()) >= 4 && stub.batchRequests > 0, 60_000);
  const killedAt = Date.now();
  const inFlight = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = 'email.batch' AND state = 'active'`;
  await signalGroup(workers[0], "SIGKILL");
  children.delete(workers[0]);
  log(`(d) worker 1 killed with SIGKILL, ${inFlight.length} batches active, ${stub.deliveries.length} deliveries so far`);
  stub.setResponseDelay(0);
  await until(
    "every join-link email SENT",
    async () => (await db.emailMessage.count({ where: { joinLinkSendId: sent.sendId, status: "SENT" } })) === ids.length,
    120_000,
  );
  const allSentAfter = Date.now() - sendStarted;
  const retried = await db.$queryRaw<{ id: string; retries: number; resumed: number | null; done: number | null }[]>`
    SELECT j.id::text, j.retry_count AS retries,
      (extract(epoch FROM j.started_on) * 1000)::float8 AS resumed,
      (extract(epoch FROM b."sentAt") * 1000)::float8 AS done
    FROM pgboss.job j LEFT JOIN "EmailBatch" b ON b.id = j.id
    WHERE j.id = ANY(${inFlight.map((row) => row.id)}::uuid[]) AND j.retry_count > 0`;
  const resumeSeconds = retried.length ? Math.max(...retried.map((row) => ((row.done ?? Date.now()) - killedAt) / 1000)) : null;
  const counts = ids.map((id) => stub.deliveriesForMessage(id));
  const duplicates = counts.filter((count) => count > 1).length;
  const lost = counts.filter((count) => count === 0).length;
  const recipients = new Set(stub.deliveries.filter((delivery) => delivery.messageId && ids.includes(delivery.messageId)).flatMap((d) => d.to));

  const batchArrivals = stub.arrivals.filter((arrival) => arrival.batch).map((arrival) => arrival.at);
  const allArrivals = stub.arrivals.map((arrival) => arrival.at);
  figures.push(["(c) join-link emails / batch calls at the stub", `${ids.length} / ${stub.batchRequests}`]);
  figures.push(["(c) all join-link emails SENT after", `${(allSentAfter / 1000).toFixed(1)} s`]);
  figures.push(["(c) max batch calls in any 1 s window / rate", `${maxInOneSecond(batchArrivals)} / ${RATE}`]);
  figures.push(["(c) max provider calls (all) in any 1 s window / rate", `${maxInOneSecond(allArrivals)} / ${RATE}`]);
  figures.push(["(c) provider calls in all / 429s from the stub", `${stub.requests} / ${stub.rateLimited}`]);
  figures.push(["(d) join-link duplicates / lost", `${duplicates} / ${lost}`]);
  figures.push(["(d) distinct recipients reached", String(recipients.size)]);
  figures.push(["(f) batches of the dead worker retried", String(retried.length)]);
  figures.push(["(f) seconds from the kill until the last of them was sent", resumeSeconds === null ? "n/a" : resumeSeconds.toFixed(1)]);
  checks.push({
    property: `(c) never above ${RATE} provider calls in any 1 s window, no 429`,
    measured: `max ${maxInOneSecond(allArrivals)} (batches ${maxInOneSecond(batchArrivals)}), ${stub.rateLimited} × 429`,
    ok: maxInOneSecond(allArrivals) <= RATE && stub.rateLimited === 0,
  });
  checks.push({
    property: `(c) each of the ${JOIN_LINK_RECIPIENTS} reached once`,
    measured: `${recipients.size} distinct recipients`,
    ok: recipients.size === JOIN_LINK_RECIPIENTS && ids.length === JOIN_LINK_RECIPIENTS,
  });
  checks.push({ property: "(d) worker killed mid-send: nothing lost or doubled", measured: `${lost} lost, ${duplicates} doubled`, ok: lost === 0 && duplicates === 0 });
  checks.push({
    property: `(f) the dead worker's batches resumed within ${RESUME_AIM_SECONDS} s`,
    measured: resumeSeconds === null ? "no batch of the dead worker was retried" : `${retried.length} batches, last sent ${resumeSeconds.toFixed(1)} s after the kill`,
    ok: resumeSeconds !== null && resumeSeconds <= RESUME_AIM_SECONDS,
  });

  const total = (Date.now() - started) / 1000;
  figures.push(["whole run", `${total.toFixed(0)} s`]);
  console.log(`\nScale test — ${machineLine(postgres, loadAverage)}\n`);
  console.log(tableText(["figure", "value"], figures.map(([name, value]) => [name, value]), 2));
  console.log("");
  for (const check of checks) console.log(`${check.ok ? "ok     " : "FAILED "} ${check.property}: ${check.measured}`);
  const failed = checks.filter((check) => !check.ok);
  if (failed.length) {
    console.log(`\nLogs of the run (removed at exit):`);
    for (const child of [...web, ...workers, nginx]) console.log(`--- ${child.name}\n${tail(child.logFile, 15)}`);
  }
  return failed.length ? 1 : 0;
}

await runBenchmark(main);
