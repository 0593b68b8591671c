// Starts scripts/worker-tick.ts beside the server or the email worker, under
// the react-server condition its "server-only" imports need, and stops it
// with them. It inherits the terminal, so its log lines show with theirs.
// Should it die on its own, it is started again after a pause: the schedule
// lives in PostgreSQL, so nothing due is lost meanwhile, only delayed.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { logError } from "@/lib/platform/logging/log";

export type TickProcess = { stop(): Promise<void> };

const RESTART_DELAY_MS = 5_000;

/** One child, resolved once it says it is ready; rejected if it exits first. */
function spawnTick(databaseUrl: string): Promise<ChildProcess> {
  const script = path.join(process.cwd(), "scripts", "worker-tick.ts");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the scheduler exited at start-up (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes("[tick] ready")) resolve(child);
    });
  });
}

export async function startTickProcess(databaseUrl: string): Promise<TickProcess> {
  let stopping = false;
  let current = await spawnTick(databaseUrl);
  let restartTimer: NodeJS.Timeout | undefined;

  const supervise = (child: ChildProcess) => {
    child.once("exit", (code, signal) => {
      if (stopping) return;
      logError`[tick] the scheduler stopped (${signal ?? code}); starting it again in ${RESTART_DELAY_MS / 1000} s`;
      restartTimer = setTimeout(function restart() {
        if (stopping) return;
        spawnTick(databaseUrl).then(
          (next) => {
            if (stopping) {
              next.kill("SIGTERM");
              return;
            }
            current = next;
            supervise(next);
          },
          (error: unknown) => {
            logError`[tick] ${error instanceof Error ? error.message : String(error)}; trying again`;
            restartTimer = setTimeout(restart, RESTART_DELAY_MS);
          },
        );
      }, RESTART_DELAY_MS);
    });
  };
  supervise(current);

  return {
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const child = current;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
