import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { applyMigrations, listMigrations, MIGRATIONS_DIR, pendingSchemaChange } from "./migrate";

const { url, db } = await createTestDatabase();

describe("migrations", () => {
  it("schema.prisma and prisma/migrations agree (no drift)", async () => {
    const result = await pendingSchemaChange(url);
    expect(result.migrationScript).toBeNull();
  });

  it("applying again is a no-op and the history matches prisma migrate deploy's", async () => {
    expect(await applyMigrations(url)).toEqual([]);
    const { migrationDirectories } = await listMigrations();
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(migrationDirectories.map((dir) => dir.path));
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("leaves no shadow database behind", async () => {
    const rows = await db.$queryRaw<{ datname: string }[]>`
      SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`;
    expect(rows).toEqual([]);
  });
});
