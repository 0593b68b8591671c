import {
  DEFAULT_DATABASE,
  describeDatabaseUrl,
  embeddedDataDir,
  embeddedPort,
} from "./connection";
import { startEmbeddedPostgres } from "./embedded";
import { logLine } from "../logging/log";

export type Database = {
  url: string;
  /** Set when the embedded server was started for this process. */
  embedded: boolean;
  stop(): Promise<void>;
};

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in EMBEDDED_PG_DIR
 * (default .data/postgres), started here and stopped by `stop()`.
 */
export async function openDatabase(log: (line: string) => void = console.log): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    log(logLine`Database: ${describeDatabaseUrl(configured)} (DATABASE_URL)`);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const dataDir = embeddedDataDir();
  const port = embeddedPort();
  const server = await startEmbeddedPostgres({ dataDir, port });
  const url = await server.createDatabase(DEFAULT_DATABASE);
  log(logLine`Database: embedded PostgreSQL on port ${port}, data in ${dataDir}`);
  return { url, embedded: true, stop: () => server.stop() };
}
