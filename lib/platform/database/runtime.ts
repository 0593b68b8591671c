import { DEFAULT_DATABASE, describeDatabaseUrl, embeddedPort } from "./connection";
import { startEmbeddedPostgres } from "./embedded";
import { chooseDataDir } from "./embedded-home";
import { logLine, logText } from "../logging/log";

export type Database = {
  url: string;
  /** Set when the embedded server was started for this process. */
  embedded: boolean;
  stop(): Promise<void>;
};

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in EMBEDDED_PG_DIR
 * (default .data/postgres; as root, when the postgres user cannot reach that,
 * the project's folder under /var/lib/convoca: see embedded-home.ts), started
 * here and stopped by `stop()`.
 */
export async function openDatabase(log: (line: string) => void = logText): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    log(logLine`Database: ${describeDatabaseUrl(configured)} (DATABASE_URL)`);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const { dataDir, notice } = await chooseDataDir({ configured: process.env.EMBEDDED_PG_DIR });
  if (notice) log(logLine`${notice}`);
  const port = embeddedPort();
  const server = await startEmbeddedPostgres({ dataDir, port, notice: (line) => log(logLine`${line}`) });
  const url = await server.createDatabase(DEFAULT_DATABASE);
  log(logLine`Database: embedded PostgreSQL on port ${port}, data in ${dataDir}`);
  return { url, embedded: true, stop: () => server.stop() };
}
