import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createManagingBodyRecord, createSaiProjectRecord, createUser } from "@/lib/test/factories";
import { appliedChangesMessage } from "./messages";
import { applySaiImport, createSaiImport } from "./mutations";
import { parseImportFile, type ImportRow } from "./parse";
import { planImport } from "./plan";
import { loadPlanContext } from "./queries";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

const municipality = (istatCode: string, name: string, saiMember = false) =>
  db.municipality.create({ data: { istatCode, name, province: "PA", provinceName: "Palermo", saiMember } });
const bagheria = await municipality("082006", "Bagheria", true);
const cefalu = await municipality("082027", "Cefalù");
const corleone = await municipality("082034", "Corleone");
await municipality("083001", "Alì");
// Two municipalities with one name (not so in Sicily, but the import must not guess).
await municipality("099001", "Doppio");
await municipality("099002", "Doppio");

const existingBody = await createManagingBodyRecord(db, { name: "Cooperativa Esistente", taxCode: "00743110157" });
const nameOnlyBody = await createManagingBodyRecord(db, { name: "Associazione Senza Codice" });
const existingProject = await createSaiProjectRecord(db, { managingBodyId: existingBody.id, municipalityId: bagheria.id, category: "ORDINARI", projectCode: "PROG-BAG-1", places: 10 });

const CSV = [
  "Codice ISTAT;Comune;Ente gestore;Codice fiscale;Categoria;Codice progetto;Posti",
  // 2: update places of an existing project, matched by code
  "082006;Bagheria;Cooperativa Esistente;00743110157;Ordinari;PROG-BAG-1;12",
  // 3: create, new body with tax code, marks Cefalù
  ";cefalu;Nuova Cooperativa Sole;80000160822;MSNA;PROG-CEF-1;8",
  // 4: same body by tax code, new project by triple (no code)
  ";CEFALÙ;Nuova Cooperativa Sole;80000160822;DM-DS;;",
  // 5: the body known by name gets its tax code; creates a project in Corleone
  "082034;;Associazione Senza Codice;RSSMRA85T10A562S;ordinari;;3",
  // 6: the same code as row 3 with different data → rejected
  ";Cefalù;Nuova Cooperativa Sole;80000160822;MSNA;PROG-CEF-1;9",
  // 7: repeats row 3 → unchanged
  ";Cefalù;Nuova Cooperativa Sole;80000160822;MSNA;PROG-CEF-1;8",
  // 8–13: bad rows
  ";Atlantide;Ente;;Ordinari;;",
  ";Doppio;Ente;;Ordinari;;",
  "082006;Corleone;Ente;;Ordinari;;",
  ";Bagheria;Ente Sbagliato;00743110158;Ordinari;;",
  ";Bagheria;Ente;;Straordinari;;",
  ";Bagheria;Ente;;Ordinari;;molti",
  // 14: new body by name only, in Alì by ISTAT code without the leading zero
  "83001;;Ente Nuovo Senza Codice;;MSNA;;",
].join("\n");

async function rowsOf(text: string): Promise<ImportRow[]> {
  const parsed = await parseImportFile("progetti.csv", new TextEncoder().encode(text));
  if (!parsed.ok) throw new Error(parsed.code);
  return parsed.rows;
}

async function upload(text: string) {
  const rows = await rowsOf(text);
  const fileHash = createHash("sha256").update(text).digest("hex");
  return createSaiImport(db, { actor: coordinator, fileName: "progetti.csv", fileHash, rows });
}

/** Every project, body and municipality as text, to compare the database before and after. */
async function dump(): Promise<string> {
  const [projects, bodies, municipalities] = await Promise.all([
    db.saiProject.findMany({ orderBy: { id: "asc" } }),
    db.managingBody.findMany({ orderBy: { id: "asc" } }),
    db.municipality.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ projects, bodies, municipalities });
}

describe("the preview", () => {
  test("says row by row what would happen, with the reasons for the rejected rows, and the totals", async () => {
    const plan = planImport(await rowsOf(CSV), await loadPlanContext(db));
    const kinds = plan.rows.map((row) => [row.row, row.outcome.kind]);
    expect(kinds).toEqual([
      [2, "update"],
      [3, "create"],
      [4, "create"],
      [5, "create"],
      [6, "rejected"],
      [7, "unchanged"],
      [8, "rejected"],
      [9, "rejected"],
      [10, "rejected"],
      [11, "rejected"],
      [12, "rejected"],
      [13, "rejected"],
      [14, "create"],
    ]);
    const reasons = Object.fromEntries(plan.rows.filter((r) => r.outcome.kind === "rejected").map((r) => [r.row, (r.outcome as { reasons: string[] }).reasons.join(" ")]));
    expect(reasons[6]).toContain("Contraddice la riga 3");
    expect(reasons[8]).toContain("Comune sconosciuto");
    expect(reasons[9]).toContain("Più Comuni si chiamano «Doppio»");
    expect(reasons[10]).toContain("è del Comune di Bagheria, non di «Corleone»");
    expect(reasons[11]).toContain("Codice fiscale «00743110158» non valido");
    expect(reasons[12]).toContain("Categoria «Straordinari» sconosciuta");
    expect(reasons[13]).toContain("Posti «molti» non validi");

    const update = plan.rows[0].outcome;
    expect(update.kind === "update" && update.changes).toEqual([{ field: "Posti", from: "10", to: "12" }]);
    const taxFill = plan.rows[3].outcome;
    expect(taxFill.kind === "create" && taxFill.newBody).toBeNull();
    expect(plan.totals).toEqual({ rows: 13, create: 4, update: 1, unchanged: 1, rejected: 7, bodiesToCreate: 2, municipalitiesToMark: 3 });
    expect(plan.municipalitiesToMark.map((m) => m.name).sort()).toEqual(["Alì", "Cefalù", "Corleone"]);
  });
});

describe("applying", () => {
  test("carries the plan out in one transaction, marks the SAI municipalities, stores the summary, audits", async () => {
    const { id } = await upload(CSV);
    const result = await applySaiImport(db, { actor: coordinator, importId: id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toMatchObject({ created: 4, updated: 1, unchanged: 1, rejected: 7, bodiesCreated: 2 });

    expect((await db.saiProject.findUniqueOrThrow({ where: { id: existingProject.id } })).places).toBe(12);
    const sole = await db.managingBody.findUniqueOrThrow({ where: { taxCode: "80000160822" }, include: { saiProjects: { orderBy: { category: "asc" } } } });
    expect(sole.name).toBe("Nuova Cooperativa Sole");
    expect(sole.saiProjects.map((p) => [p.municipalityId, p.category, p.projectCode, p.places])).toEqual([
      [cefalu.id, "MSNA", "PROG-CEF-1", 8],
      [cefalu.id, "DM_DS", null, null],
    ]);
    expect((await db.managingBody.findUniqueOrThrow({ where: { id: nameOnlyBody.id } })).taxCode).toBe("RSSMRA85T10A562S");
    expect(await db.saiProject.count({ where: { managingBodyId: nameOnlyBody.id, municipalityId: corleone.id, places: 3 } })).toBe(1);
    expect(await db.managingBody.count({ where: { name: "Ente Nuovo Senza Codice", taxCode: null } })).toBe(1);
    const members = await db.municipality.findMany({ where: { saiMember: true }, select: { name: true }, orderBy: { name: "asc" } });
    expect(members.map((m) => m.name)).toEqual(["Alì", "Bagheria", "Cefalù", "Corleone"]);

    const stored = await db.saiProjectImport.findUniqueOrThrow({ where: { id } });
    expect(stored.appliedAt).not.toBeNull();
    expect(stored.appliedById).toBe(coordinator.id);
    expect(stored.summary).toMatchObject({ created: 4, rejected: 7 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "sai-import.apply" } });
    expect(audit.data).toMatchObject({ details: { importId: id, created: 4, updated: 1, unchanged: 1, rejected: 7, bodiesCreated: 2 } });
    expect(await db.auditEntry.count({ where: { action: "municipality.sai-mark" } })).toBe(3);

    // The same import cannot be applied twice.
    expect(await applySaiImport(db, { actor: coordinator, importId: id })).toEqual({ ok: false, reason: "ALREADY_APPLIED" });
  });

  test("importing the same file again changes nothing: every good row is unchanged", async () => {
    const before = await dump();
    const { id } = await upload(CSV);
    const result = await applySaiImport(db, { actor: coordinator, importId: id });
    expect(result.ok && result.summary).toMatchObject({ created: 0, updated: 0, bodiesCreated: 0, municipalitiesMarked: [], unchanged: 6, rejected: 7 });
    expect(await dump()).toBe(before);
  });

  test("a project code given for a municipality, body and category that already have another code is rejected", async () => {
    const rows = await rowsOf("Comune;Ente gestore;Codice fiscale;Categoria;Codice progetto\nBagheria;Cooperativa Esistente;00743110157;Ordinari;ALTRO-CODICE\n");
    const plan = planImport(rows, await loadPlanContext(db));
    expect(plan.rows[0].outcome).toEqual({ kind: "rejected", reasons: [expect.stringContaining("esiste già il progetto con codice PROG-BAG-1")] });
  });

  test("a tax code given to a body an earlier row creates is kept, so applying again changes nothing", async () => {
    const text = [
      "Comune;Ente gestore;Codice fiscale;Categoria;Posti",
      "Corleone;Cooperativa Senza Codice Prima;;MSNA;1.000",
      "Corleone;Cooperativa Senza Codice Prima;04884100019;MSNA;1.000",
    ].join("\n");
    const first = await applySaiImport(db, { actor: coordinator, importId: (await upload(text)).id });
    expect(first.ok && first.summary).toMatchObject({ created: 1, unchanged: 1, bodiesCreated: 1, rejected: 0 });
    const body = await db.managingBody.findFirstOrThrow({ where: { name: "Cooperativa Senza Codice Prima" }, include: { saiProjects: true } });
    expect(body).toMatchObject({ taxCode: "04884100019", saiProjects: [{ places: 1000 }] });
    const again = await applySaiImport(db, { actor: coordinator, importId: (await upload(text)).id });
    expect(again.ok && again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2, bodiesCreated: 0 });
  });

  test("a row that would create a body without a name is rejected", async () => {
    const rows = await rowsOf("Comune;Ente gestore;Codice fiscale;Categoria\nCorleone;;05555555555;Ordinari\n");
    const plan = planImport(rows, await loadPlanContext(db));
    expect(plan.rows[0].outcome).toEqual({ kind: "rejected", reasons: [expect.stringContaining("Manca il nome dell'ente gestore")] });
    expect(plan.newBodies).toEqual([]);
  });

  test("marks every Comune that has a SAI project, also one the list does not name, and says how many changed", async () => {
    const termini = await municipality("082070", "Termini Imerese");
    await createSaiProjectRecord(db, { managingBodyId: existingBody.id, municipalityId: termini.id, category: "MSNA", projectCode: "PROG-TER-1", places: 4 });
    const text = "Codice ISTAT;Comune;Ente gestore;Codice fiscale;Categoria;Codice progetto;Posti\n082006;Bagheria;Cooperativa Esistente;00743110157;Ordinari;PROG-BAG-1;12\n";
    const plan = planImport(await rowsOf(text), await loadPlanContext(db));
    expect(plan.municipalitiesToMark.map((m) => m.name)).toEqual(["Termini Imerese"]);

    const applied = await applySaiImport(db, { actor: coordinator, importId: (await upload(text)).id });
    expect(applied.ok && applied.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1, municipalitiesMarked: ["Termini Imerese"] });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: termini.id } })).saiMember).toBe(true);
    expect(await db.auditEntry.count({ where: { action: "municipality.sai-mark", entityId: termini.id } })).toBe(1);
    if (applied.ok) expect(appliedChangesMessage(applied.summary)).toBe("1 Comune segnato come aderente al SAI.");
  });

  test("an unknown import is not found", async () => {
    expect(await applySaiImport(db, { actor: coordinator, importId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("the outcome message", () => {
  test("counts each change with its agreeing plural, and says when nothing changed", () => {
    expect(appliedChangesMessage({ created: 2, updated: 1, bodiesCreated: 0, municipalitiesMarked: ["Alì", "Cefalù", "Corleone"] })).toBe(
      "2 progetti creati, 1 progetto aggiornato e 3 Comuni segnati come aderenti al SAI.",
    );
    expect(appliedChangesMessage({ created: 0, updated: 0, bodiesCreated: 1, municipalitiesMarked: [] })).toBe("1 ente gestore creato.");
    expect(appliedChangesMessage({ created: 0, updated: 0, bodiesCreated: 0, municipalitiesMarked: [] })).toBe("Non ha cambiato nulla.");
  });
});
