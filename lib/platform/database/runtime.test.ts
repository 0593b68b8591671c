import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { freePort } from "../../test/free-port";
import { describeDatabaseUrl, withDatabase } from "./connection";
import { openDatabase } from "./runtime";

const base = await mkdtemp(path.join(os.tmpdir(), "convoca-runtime-"));
await chmod(base, 0o755);
afterAll(() => rm(base, { recursive: true, force: true }));

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["DATABASE_URL", "EMBEDDED_PG_DIR", "EMBEDDED_PG_PORT"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const quiet = () => {};

describe("openDatabase", () => {
  it("without DATABASE_URL starts the embedded server, whose data survives a restart", async () => {
    delete process.env.DATABASE_URL;
    process.env.EMBEDDED_PG_DIR = path.join(base, "data");
    process.env.EMBEDDED_PG_PORT = String(await freePort());

    const first = await openDatabase(quiet);
    expect(first.embedded).toBe(true);
    await query(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    const second = await openDatabase(quiet);
    try {
      expect(await query(second.url, "SELECT value FROM kept")).toEqual([{ value: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("with DATABASE_URL uses that server and starts none", async () => {
    const url = withDatabase(inject("adminDatabaseUrl"), "postgres");
    process.env.DATABASE_URL = url;
    process.env.EMBEDDED_PG_DIR = path.join(base, "never-created");
    const lines: string[] = [];
    const database = await openDatabase((line) => lines.push(line));
    expect(database).toMatchObject({ url, embedded: false });
    expect(lines.join("\n")).toContain(describeDatabaseUrl(url));
    expect(lines.join("\n")).not.toContain("convoca@"); // no password in the log line
    await database.stop();
    await expect(import("node:fs/promises").then((fs) => fs.access(path.join(base, "never-created")))).rejects.toThrow();
  });

  it("logs a DATABASE_URL on one line, whatever its encoded parts hold", async () => {
    process.env.DATABASE_URL = "postgresql://convoca%0A%5Btick%5D%20forged%20user@localhost:5432/convoca%0D%0A%5Btick%5D%20forged%20log%20line";
    const lines: string[] = [];
    const database = await openDatabase((line) => lines.push(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\r\n]/);
    expect(lines[0]).toContain("\\n[tick] forged log line");
    await database.stop();
  });
});
