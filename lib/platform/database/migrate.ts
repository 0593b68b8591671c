// Prisma migrations without Prisma's native schema engine, which this machine
// cannot download: the published WebAssembly build of the same engine, driven
// through the pg driver adapter: npm's @prisma/schema-engine-wasm
// 8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323 with @prisma/adapter-pg and
// @prisma/driver-adapter-utils 7.10.1. See README.
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { parseDatabaseUrl } from "./connection";
import { logError, safeLine } from "../logging/log";

const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

type QueryResultWithFields = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

// adapter-pg cannot map PostgreSQL's internal "char" type, which the engine's
// catalog queries return (pg_constraint.contype…). The pool reports such
// columns as text, remembering them by their rows array, and the adapter's
// queryRaw then declares them as the single characters the engine expects.
const charColumnsOfRows = new WeakMap<object, number[]>();

function reportCharAsText<T>(result: T): T {
  const { fields, rows } = (result ?? {}) as QueryResultWithFields;
  const charColumns: number[] = [];
  fields?.forEach((field, index) => {
    if (field.dataTypeID !== PG_INTERNAL_CHAR) return;
    field.dataTypeID = PG_TEXT;
    charColumns.push(index);
  });
  if (charColumns.length && rows) charColumnsOfRows.set(rows, charColumns);
  return result;
}

type Queryable = Pick<SqlDriverAdapter, "queryRaw">;

function declareCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOfRows.get(result.rows) ?? []) {
      result.columnTypes[index] = COLUMN_TYPE_CHARACTER;
    }
    return result;
  };
  return queryable;
}

function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  declareCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) =>
    declareCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

class CatalogSafePool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    // Every client, whether the pool's own queries or a transaction's, passes here.
    this.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
        const last = args.at(-1);
        if (typeof last === "function") {
          args[args.length - 1] = (error: unknown, result: unknown) => last(error, reportCharAsText(result));
        }
        const result = query(...args);
        return result instanceof Promise ? result.then(reportCharAsText) : result;
      };
    });
  }
}

function poolFor(url: string, database?: string) {
  // pg 8.23 lets a connectionString override `database`: pass fields instead.
  const parts = parseDatabaseUrl(url);
  return new CatalogSafePool({
    host: parts.host,
    port: parts.port,
    user: parts.user,
    password: parts.password,
    database: database ?? parts.database,
    max: 4,
  });
}

function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> } {
  const pool = poolFor(url);
  const main = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    // Freeing the engine does not dispose its adapter: end the pool ourselves,
    // or the database stays busy (and cannot serve as a template).
    close: () => (pool.ending || pool.ended ? Promise.resolve() : pool.end()),
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withCharColumns(await main.connect()),
    // adapter-pg's own version drops the shadow database while its pool still
    // holds connections, and leaves it behind: end the pool first, then drop.
    async connectToShadowDb(): Promise<SqlDriverAdapter> {
      const shadow = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client(parseDatabaseUrl(url));
      await admin.connect();
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(shadow)}`);
      await admin.end();
      const adapter = withCharColumns(
        await new PrismaPg(poolFor(url, shadow), { disposeExternalPool: true }).connect(),
      );
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const cleaner = new pg.Client(parseDatabaseUrl(url));
        await cleaner.connect();
        try {
          await cleaner.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(shadow)} WITH (FORCE)`);
        } finally {
          await cleaner.end();
        }
      };
      return adapter;
    },
  };
}

export const PROJECT_ROOT = process.cwd();
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  devDiagnostic(input: unknown): Promise<{ action: { tag: string; reason?: string } }>;
  createMigration(input: unknown): Promise<{
    generatedMigrationName: string;
    migrationScript: string | null;
    extension: string;
  }>;
  free(): void;
};

let wasmReady: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | null = null;

let lastPanic: string | null = null;

function loadWasm() {
  wasmReady ??= (async () => {
    // The engine reports the reason of a Rust panic here before it aborts.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
        logError`Schema engine panic: ${message}`;
      },
    };
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const packageDir = path.dirname(gluePath);
    const glue = await import(pathToFileURL(gluePath).href);
    const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return wasmReady;
}

async function withEngine<T>(url: string, run: (engine: Engine) => Promise<T>, log = defaultLog): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const factory = adapterFactory(url);
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  ).catch(async (error: unknown) => {
    await factory.close();
    throw error;
  });
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Schema engine panic: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await factory.close();
  }
}

function defaultLog(line: string) {
  if (process.env.PRISMA_MIGRATE_DEBUG) console.error(safeLine(line));
}

export async function listMigrations(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, folder, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/** `prisma migrate deploy`: applies the pending migrations, returns their names. */
export async function applyMigrations(url: string): Promise<string[]> {
  const migrationsList = await listMigrations();
  const result = await withEngine(url, (engine) => engine.applyMigrations({ migrationsList, filters }));
  return result.appliedMigrationNames;
}

/**
 * The SQL that would bring the migrations up to schema.prisma, replayed on a
 * shadow database; null when they already agree.
 */
export async function pendingSchemaChange(url: string, name = "drift_check") {
  const migrationsList = await listMigrations();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return withEngine(url, async (engine) => {
    // devDiagnostic replays the history on a shadow database from our factory
    // and caches the result; createMigration then reads that cache (the Wasm
    // engine's createMigration cannot open a shadow database by itself).
    const { action } = await engine.devDiagnostic({ migrationsList, filters });
    if (action.tag === "reset") {
      throw new Error(`The database disagrees with the migrations folder: ${action.reason}`);
    }
    return engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [{ path: SCHEMA_PATH, content: schema }] },
      filters,
    });
  });
}

/** `prisma migrate dev --create-only`: writes the new migration folder. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const result = await pendingSchemaChange(url, name);
  if (!result.migrationScript) return null;
  const folder = path.join(MIGRATIONS_DIR, result.generatedMigrationName);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `migration.${result.extension}`), result.migrationScript);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}
