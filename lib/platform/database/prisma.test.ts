// The database's shared types and checks live once (lib/platform/database/prisma.ts,
// re-exported by lib/db.ts): on a real PostgreSQL they tell the client from
// a transaction and a duplicate from any other failure, and no other file
// of the tree declares its own copy.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMunicipality } from "@/lib/test/factories";
import { isClient, isUniqueViolation } from "./prisma";

const { db } = await createTestDatabase(2);

describe("the database plumbing", () => {
  it("tells the client from a transaction inside it", async () => {
    expect(isClient(db)).toBe(true);
    expect(await db.$transaction(async (tx) => isClient(tx))).toBe(false);
  });

  it("recognises a unique violation, and nothing else, as one", async () => {
    const municipality = await createMunicipality(db, "Enna");
    const duplicate = await db.municipality.create({ data: { ...municipality, id: undefined } }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    const missing = await db.municipality.update({ where: { id: crypto.randomUUID() }, data: { name: "X" } }).catch((error: unknown) => error);
    expect(isUniqueViolation(missing)).toBe(false);
  });

  it("is declared once: no file re-declares Tx, Db or isUniqueViolation", () => {
    const copies = ["lib", "app", "scripts"]
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => `${dir}/${file}`))
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("lib/generated/") && file !== "lib/platform/database/prisma.ts")
      .filter((file) => /^(export )?type (Tx|Db|DbOrTx) = |function isUniqueViolation\(/m.test(readFileSync(file, "utf8")));
    expect(copies).toEqual([]);
  });
});
