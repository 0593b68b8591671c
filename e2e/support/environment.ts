import os from "node:os";
import path from "node:path";
import { buildDatabaseUrl, EMBEDDED_PASSWORD, EMBEDDED_USER, DEFAULT_DATABASE } from "../../lib/platform/database/connection";

// Fixed values: the config is evaluated again in every worker, so nothing
// here may be random.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
export const E2E_PG_DIR = path.join(os.tmpdir(), `convoca-e2e-${E2E_PG_PORT}`);
/** Where the server's outbox delivers each email, as a file (the database keeps no link of a sent one). */
export const E2E_OUTBOX_DIR = path.join(os.tmpdir(), `convoca-e2e-outbox-${E2E_PG_PORT}`);
export const BASE_URL = `http://localhost:${E2E_PORT}`;

export const E2E_DATABASE_URL =
  process.env.E2E_DATABASE_URL ??
  buildDatabaseUrl({
    host: "localhost",
    port: E2E_PG_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    database: DEFAULT_DATABASE,
  });
