// Starts scripts/worker-tick.ts beside the server or the email worker, under
// the react-server condition its "server-only" imports need, and stops it
// with them. It inherits the terminal, so its log lines show with theirs.
import { spawn } from "node:child_process";
import path from "node:path";

export type TickProcess = { stop(): Promise<void> };

export function startTickProcess(databaseUrl: string): Promise<TickProcess> {
  const script = path.join(process.cwd(), "scripts", "worker-tick.ts");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the scheduler exited at start-up (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!chunk.toString().includes("[tick] ready")) return;
      resolve({
        async stop() {
          if (running()) child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}
