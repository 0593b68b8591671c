import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createUser } from "@/lib/test/factories";
import { applyPecImport, createPecImport } from "./mutations";
import { parseIndicePaFile } from "./parse";
import { getPecImport } from "./queries";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");
const fixture = readFileSync(path.join(process.cwd(), "lib/test/fixtures/indicepa/enti-sicilia.csv"));

// Three Comuni of the fixture, as stored: one without a PEC, one with an old PEC, one with the PEC IndicePA gives.
const comune = (istatCode: string, name: string, province: "CT" | "CL" | "AG", pec: string | null) =>
  db.municipality.create({ data: { istatCode, name, province, provinceName: name, pec } });
const aciCastello = await comune("087002", "Aci Castello", "CT", null);
const caltanissetta = await comune("085004", "Caltanissetta", "CL", "vecchia@pec.caltanissetta.example.it");
const agrigento = await comune("084001", "Agrigento", "AG", "protocollo@pec.comune.agrigento.example.it");

async function uploaded() {
  const parsed = parseIndicePaFile(new Uint8Array(fixture));
  if (!parsed.ok) throw new Error(parsed.message);
  return createPecImport(db, { actor: coordinator, fileName: "enti.csv", fileHash: "0".repeat(64), rows: parsed.rows, skipped: parsed.skipped });
}

describe("importing the Comuni's PEC from IndicePA", () => {
  it("stores the list as read, then sets the new and changed PECs, each on the audit log, and keeps a PEC IndicePA does not give", async () => {
    const { id } = await uploaded();
    const stored = await getPecImport(db, id);
    expect(stored?.rows.length).toBeGreaterThan(0);
    expect(stored?.appliedAt).toBeNull();

    const applied = await applyPecImport(db, { actor: coordinator, importId: id });
    expect(applied).toMatchObject({ ok: true, summary: { set: 1, changed: 1 } });
    const pecOf = async (id: string) => (await db.municipality.findUniqueOrThrow({ where: { id } })).pec;
    expect(await pecOf(aciCastello.id)).toBe("protocollo@pec.comune.acicastello.ct.it");
    expect(await pecOf(caltanissetta.id)).toBe("protocollo@pec.comune.caltanissetta.it");
    // Agrigento has only «Altro» addresses in the list: its stored PEC stays.
    expect(await pecOf(agrigento.id)).toBe("protocollo@pec.comune.agrigento.example.it");

    const audits = await db.auditEntry.findMany({ where: { action: "municipality.pec" }, orderBy: { entityId: "asc" } });
    expect(audits.map((entry) => [entry.entityId, entry.data])).toEqual(
      expect.arrayContaining([
        [aciCastello.id, { before: { pec: null }, after: { pec: "protocollo@pec.comune.acicastello.ct.it" }, details: { importId: id } }],
        [caltanissetta.id, { before: { pec: "vecchia@pec.caltanissetta.example.it" }, after: { pec: "protocollo@pec.comune.caltanissetta.it" }, details: { importId: id } }],
      ]),
    );
    expect(await db.auditEntry.count({ where: { action: { in: ["pec-import.upload", "pec-import.apply"] } } })).toBe(2);
    expect((await getPecImport(db, id))?.summary?.writes).toEqual([
      { name: "Aci Castello", from: null, to: "protocollo@pec.comune.acicastello.ct.it" },
      { name: "Caltanissetta", from: "vecchia@pec.caltanissetta.example.it", to: "protocollo@pec.comune.caltanissetta.it" },
    ]);
  });

  it("applies an import once; the same list uploaded again changes nothing", async () => {
    const { id } = await uploaded();
    const first = await applyPecImport(db, { actor: coordinator, importId: id });
    expect(first).toMatchObject({ ok: true, summary: { set: 0, changed: 0, writes: [] } });
    expect(await applyPecImport(db, { actor: coordinator, importId: id })).toEqual({ ok: false, reason: "ALREADY_APPLIED" });
    expect(await applyPecImport(db, { actor: coordinator, importId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("refuses a list uploaded before another one was applied: it would put back older PECs", async () => {
    const older = await uploaded();
    const newer = await uploaded();
    expect(await applyPecImport(db, { actor: coordinator, importId: newer.id })).toMatchObject({ ok: true });
    expect(await applyPecImport(db, { actor: coordinator, importId: older.id })).toEqual({ ok: false, reason: "STALE" });
    expect((await getPecImport(db, older.id))?.appliedAt).toBeNull();
  });
});
