// One embedded PostgreSQL for the whole Vitest run, under the system temp dir
// (reachable by the `postgres` user wherever the project is cloned), with a
// migrated template database each test file copies.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../platform/database/embedded";
import { applyMigrations } from "../platform/database/migrate";
import { ensureEmailQueue } from "../email/queue";
import { freePort } from "./free-port";
import { TEMPLATE_DATABASE } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "convoca-vitest-"));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
  const templateUrl = await server.createDatabase(TEMPLATE_DATABASE);
  await applyMigrations(templateUrl);
  // pg-boss's schema and the email queue, so every test database can enqueue.
  await ensureEmailQueue(templateUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await server.stop();
  };
}
