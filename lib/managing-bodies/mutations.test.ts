import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createManagingBodyRecord, createMunicipalityIn, createUser } from "@/lib/test/factories";
import { addSaiProject, removeSaiProject, updateSaiProject } from "@/lib/sai-projects/mutations";
import { createManagingBody, updateManagingBody } from "./mutations";
import { managingBodySchema } from "./schema";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

const input = (values: Partial<Record<"name" | "taxCode" | "email" | "pec" | "phone", string>>) =>
  managingBodySchema.parse({ name: "Cooperativa Aurora", taxCode: "", email: "", pec: "", phone: "", ...values });

describe("creating and editing a managing body", () => {
  test("a body is created with its normalised tax code, and audited", async () => {
    const result = await createManagingBody(db, {
      actor: coordinator,
      ...input({ name: "Cooperativa Aurora", taxCode: "IT 00743110157", pec: "aurora@pec.example.it" }),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const body = await db.managingBody.findUniqueOrThrow({ where: { id: result.id } });
    expect(body).toMatchObject({ name: "Cooperativa Aurora", taxCode: "00743110157", pec: "aurora@pec.example.it", email: null });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "managing-body.create", entityId: result.id } });
    expect(audit.actorId).toBe(coordinator.id);
  });

  test("the schema refuses a tax code with a wrong check digit, with the reason on the field", () => {
    const parsed = managingBodySchema.safeParse({ name: "Ente", taxCode: "00743110158", email: "", pec: "", phone: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["taxCode"], message: expect.stringContaining("cifra (di controllo)") });
  });

  test("a tax code already held by another body is refused naming that body", async () => {
    const first = await createManagingBodyRecord(db, { name: "Consorzio Primo", taxCode: "80000160822" });
    const result = await createManagingBody(db, { actor: coordinator, ...input({ name: "Consorzio Doppione", taxCode: "80000160822" }) });
    expect(result).toEqual({ ok: false, reason: "TAX_CODE_TAKEN", other: { id: first.id, name: "Consorzio Primo" } });
    expect(await db.managingBody.count({ where: { name: "Consorzio Doppione" } })).toBe(0);

    const other = await createManagingBodyRecord(db, { name: "Consorzio Secondo" });
    const update = await updateManagingBody(db, { actor: coordinator, id: other.id, ...input({ name: "Consorzio Secondo", taxCode: "80000160822" }) });
    expect(update).toMatchObject({ ok: false, reason: "TAX_CODE_TAKEN", other: { name: "Consorzio Primo" } });
  });

  test("editing saves and audits only what changed; saving again changes nothing", async () => {
    const body = await createManagingBodyRecord(db, { name: "Associazione Vela", email: "info@vela.example.it" });
    const result = await updateManagingBody(db, {
      actor: coordinator,
      id: body.id,
      ...input({ name: "Associazione Vela ETS", email: "info@vela.example.it", phone: "091 123 4567" }),
    });
    expect(result).toEqual({ ok: true, changed: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "managing-body.update", entityId: body.id } });
    expect(audit.data).toEqual({
      before: { name: "Associazione Vela", phone: null },
      after: { name: "Associazione Vela ETS", phone: "091 123 4567" },
    });
    const again = await updateManagingBody(db, {
      actor: coordinator,
      id: body.id,
      ...input({ name: "Associazione Vela ETS", email: "info@vela.example.it", phone: "091 123 4567" }),
    });
    expect(again).toEqual({ ok: true, changed: false });
  });
});

describe("a body's SAI projects", () => {
  test("adding a project marks its municipality as SAI member, audited; removing it does not unmark it", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Comune Progetti", saiMember: false });
    const body = await createManagingBodyRecord(db);
    const added = await addSaiProject(db, {
      actor: coordinator,
      managingBodyId: body.id,
      municipalityId: municipality.id,
      category: "MSNA",
      projectCode: "PROG-1-MSNA",
      places: 20,
    });
    expect(added).toMatchObject({ ok: true, municipalityMarked: true });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).saiMember).toBe(true);
    expect(await db.auditEntry.count({ where: { action: "municipality.sai-mark", entityId: municipality.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "sai-project.create", entityId: body.id } })).toBe(1);
    if (!added.ok) return;

    const duplicate = await addSaiProject(db, {
      actor: coordinator,
      managingBodyId: body.id,
      municipalityId: municipality.id,
      category: "MSNA",
      projectCode: null,
      places: null,
    });
    expect(duplicate).toEqual({ ok: false, reason: "DUPLICATE" });
    const other = await createManagingBodyRecord(db, { name: "Altro Ente Progetti" });
    const codeTaken = await addSaiProject(db, {
      actor: coordinator,
      managingBodyId: other.id,
      municipalityId: municipality.id,
      category: "ORDINARI",
      projectCode: "PROG-1-MSNA",
      places: null,
    });
    expect(codeTaken).toEqual({ ok: false, reason: "CODE_TAKEN", other: { managingBodyName: body.name, municipalityName: "Comune Progetti" } });

    const updated = await updateSaiProject(db, {
      actor: coordinator,
      id: added.id,
      managingBodyId: body.id,
      municipalityId: municipality.id,
      category: "MSNA",
      projectCode: "PROG-1-MSNA",
      places: 25,
    });
    expect(updated).toEqual({ ok: true, changed: true, municipalityMarked: false });
    expect(await removeSaiProject(db, { actor: coordinator, id: added.id, managingBodyId: other.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await removeSaiProject(db, { actor: coordinator, id: added.id, managingBodyId: body.id })).toEqual({ ok: true });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).saiMember).toBe(true);
    expect(await db.auditEntry.count({ where: { entityId: body.id, action: { startsWith: "sai-project." } } })).toBe(3);
  });
});
