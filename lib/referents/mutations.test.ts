import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMunicipalityIn, createReferent, createUser } from "@/lib/test/factories";
import { addReferent, revokeReferent, updateReferent } from "./mutations";
import type { AddReferentInput } from "./schema";

const { db } = await createTestDatabase();

function newReferent(municipalityId: string, values: Partial<AddReferentInput> = {}): AddReferentInput {
  return {
    municipalityId,
    firstName: "Paolo",
    lastName: "Lombardo",
    email: `paolo.lombardo.${Math.random().toString(36).slice(2, 8)}@comune.example.it`,
    phone: null,
    role: "TECHNICAL",
    office: "Ufficio servizi sociali",
    ...values,
  };
}

describe("addReferent", () => {
  test("a coordinator adds a referent: person created, active, source COORDINATOR, designation email, audit", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Nicosia", province: "EN" });
    const input = newReferent(municipality.id, { role: "POLITICAL", office: "Assessore", phone: "0935 111222" });
    const result = await addReferent(db, { actor: coordinator, ...input });
    expect(result).toMatchObject({ ok: true, reactivated: false });
    if (!result.ok) return;

    const referent = await db.referent.findUniqueOrThrow({ where: { id: result.referentId }, include: { person: true } });
    expect(referent).toMatchObject({ status: "ACTIVE", source: "COORDINATOR", role: "POLITICAL", office: "Assessore", sheetId: null });
    expect(referent.person).toMatchObject({ email: input.email, firstName: "Paolo", phone: "0935 111222" });
    const [email] = await db.emailMessage.findMany({ where: { toEmail: input.email } });
    expect(email).toMatchObject({ template: "referent-designated" });
    expect(email.data).toMatchObject({ municipalityName: "Nicosia", roleLabel: "referente politico" });
    const [entry] = await db.auditEntry.findMany({ where: { entityId: referent.id } });
    expect(entry).toMatchObject({ actorId: coordinator.id, action: "referent.create", entityType: "Referent" });
    expect(JSON.stringify(entry.data)).not.toContain(input.email);
  });

  test("a revoked referent is reactivated, its revocation cleared", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Nissoria", province: "EN" });
    const revoked = await createReferent(db, municipality.id, { status: "REVOKED" });
    await db.referent.update({ where: { id: revoked.id }, data: { revokedReason: "Cambio di giunta" } });
    const result = await addReferent(db, {
      actor: coordinator,
      ...newReferent(municipality.id, { email: revoked.person.email, firstName: "Rosa", lastName: "Nuova" }),
    });
    expect(result).toEqual({ ok: true, referentId: revoked.id, reactivated: true });
    const referent = await db.referent.findUniqueOrThrow({ where: { id: revoked.id }, include: { person: true } });
    expect(referent).toMatchObject({ status: "ACTIVE", revokedAt: null, revokedReason: null, source: "COORDINATOR" });
    expect(referent.person.lastName).toBe("Nuova");
    expect(await db.auditEntry.count({ where: { entityId: revoked.id, action: "referent.reactivate" } })).toBe(1);
  });

  test("an already active referent of that Comune is refused, with no email", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Piazza Armerina", province: "EN" });
    const active = await createReferent(db, municipality.id);
    const result = await addReferent(db, { actor: coordinator, ...newReferent(municipality.id, { email: active.person.email }) });
    expect(result).toEqual({ ok: false, reason: "ALREADY_ACTIVE" });
    expect(await db.emailMessage.count({ where: { toEmail: active.person.email } })).toBe(0);
    // Simultaneous additions of the same person: one succeeds.
    const input = newReferent(municipality.id);
    const results = await Promise.all([addReferent(db, { actor: coordinator, ...input }), addReferent(db, { actor: coordinator, ...input })]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
  });

  test("an unknown Comune is refused", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    expect(await addReferent(db, { actor: coordinator, ...newReferent("00000000-0000-4000-8000-000000000000") })).toEqual({
      ok: false,
      reason: "UNKNOWN_MUNICIPALITY",
    });
  });
});

describe("updateReferent and revokeReferent", () => {
  test("edits names, phone, role and office with an audit entry of what changed; saving the same again records nothing", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Pietraperzia", province: "EN" });
    const referent = await createReferent(db, municipality.id);
    const input = { firstName: "Rosalia", lastName: "Referente", phone: "333 1234567", role: "POLITICAL" as const, office: "Sindaca" };
    expect(await updateReferent(db, { actor: coordinator, referentId: referent.id, ...input })).toEqual({ ok: true, changed: true });
    const updated = await db.referent.findUniqueOrThrow({ where: { id: referent.id }, include: { person: true } });
    expect(updated).toMatchObject({ role: "POLITICAL", office: "Sindaca" });
    expect(updated.person).toMatchObject({ firstName: "Rosalia", phone: "333 1234567" });
    const [entry] = await db.auditEntry.findMany({ where: { entityId: referent.id, action: "referent.update" } });
    expect(entry.data).toMatchObject({ before: { firstName: "Rosa", referentRole: "Tecnico" }, after: { firstName: "Rosalia", referentRole: "Politico", office: "Sindaca" }, details: { phoneChanged: true } });
    expect(JSON.stringify(entry.data)).not.toContain("333 1234567");
    expect(await updateReferent(db, { actor: coordinator, referentId: referent.id, ...input })).toEqual({ ok: true, changed: false });
    expect(await db.auditEntry.count({ where: { entityId: referent.id } })).toBe(1);
    expect(await updateReferent(db, { actor: coordinator, referentId: "00000000-0000-4000-8000-000000000000", ...input })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });

  test("revokes with the reason and an audit entry; a second revocation is refused", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Regalbuto", province: "EN" });
    const referent = await createReferent(db, municipality.id);
    expect(await revokeReferent(db, { actor: coordinator, referentId: referent.id, reason: "Non lavora più al Comune" })).toEqual({ ok: true });
    expect(await db.referent.findUniqueOrThrow({ where: { id: referent.id } })).toMatchObject({ status: "REVOKED", revokedReason: "Non lavora più al Comune" });
    const [entry] = await db.auditEntry.findMany({ where: { entityId: referent.id, action: "referent.revoke" } });
    expect(entry).toMatchObject({ actorId: coordinator.id });
    expect(entry.data).toMatchObject({ after: { status: "REVOKED", revokedReason: "Non lavora più al Comune" } });
    expect(await revokeReferent(db, { actor: coordinator, referentId: referent.id, reason: "Di nuovo" })).toEqual({ ok: false, reason: "ALREADY_REVOKED" });
  });
});
