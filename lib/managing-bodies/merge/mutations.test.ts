import { expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import {
  createManagingBodyRecord,
  createMeeting,
  createMunicipalityIn,
  createSaiProjectRecord,
  createUser,
} from "@/lib/test/factories";
import { mergeManagingBodies } from "./mutations";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

async function registrationNaming(meetingId: string, managingBodyId: string, email: string) {
  const person = await db.person.create({ data: { email, firstName: "Gino", lastName: "Gestore" } });
  return db.registration.create({
    data: {
      meetingId,
      personId: person.id,
      status: "CONFIRMED",
      organisationType: "ENTE_GESTORE",
      managingBodyId,
      privacyNoticeVersion: "1",
      privacyConsentAt: new Date(),
      tokenHash: email.padEnd(64, "0").slice(0, 64),
      tokenExpiresAt: new Date(Date.now() + 86_400_000),
    },
  });
}

test("merging moves projects, registrations and invitations to the target, handles a collision, deletes the source, audits both", async () => {
  const alpha = await createMunicipalityIn(db, { name: "Alfa" });
  const beta = await createMunicipalityIn(db, { name: "Beta" });
  const target = await createManagingBodyRecord(db, { name: "Cooperativa Unica" });
  const source = await createManagingBodyRecord(db, { name: "Coop. Unica", taxCode: "00743110157", pec: "unica@pec.example.it" });

  // Same municipality and category on both: the target's row stays and takes the source's code and places.
  const twin = await createSaiProjectRecord(db, { managingBodyId: target.id, municipalityId: alpha.id, category: "ORDINARI" });
  await createSaiProjectRecord(db, { managingBodyId: source.id, municipalityId: alpha.id, category: "ORDINARI", projectCode: "PR-ALFA", places: 15 });
  const moved = await createSaiProjectRecord(db, { managingBodyId: source.id, municipalityId: beta.id, category: "MSNA", projectCode: "PR-BETA" });

  const meeting = await createMeeting(db);
  const registration = await registrationNaming(meeting.id, source.id, "gino@unica.example.it");
  const invitation = await db.invitation.create({
    data: {
      meetingId: meeting.id,
      invitedByRegistrationId: registration.id,
      email: "rappresentante@unica.example.it",
      firstName: "Rita",
      lastName: "Rappresentante",
      managingBodyId: source.id,
      managingBodyName: "Coop. Unica",
      tokenHash: "b".repeat(64),
      tokenExpiresAt: new Date(Date.now() + 86_400_000),
    },
  });

  const result = await mergeManagingBodies(db, { actor: coordinator, sourceId: source.id, targetId: target.id });
  expect(result).toEqual({ ok: true, targetId: target.id, counts: { projectsMoved: 1, projectsMerged: 1, registrations: 1, invitations: 1 }, discardedCodes: [] });

  expect(await db.managingBody.findUnique({ where: { id: source.id } })).toBeNull();
  const after = await db.managingBody.findUniqueOrThrow({ where: { id: target.id }, include: { saiProjects: { orderBy: { projectCode: "asc" } } } });
  expect(after).toMatchObject({ name: "Cooperativa Unica", taxCode: "00743110157", pec: "unica@pec.example.it" });
  expect(after.saiProjects.map((p) => [p.id, p.projectCode, p.places])).toEqual([
    [twin.id, "PR-ALFA", 15],
    [moved.id, "PR-BETA", null],
  ]);
  expect((await db.registration.findUniqueOrThrow({ where: { id: registration.id } })).managingBodyId).toBe(target.id);
  expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).managingBodyId).toBe(target.id);

  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "managing-body.merge", entityId: target.id } });
  const data = audit.data as { before: { source: { name: string; saiProjects: unknown[] }; target: { name: string } }; details: { sourceId: string } };
  expect(data.before.source).toMatchObject({ name: "Coop. Unica", taxCode: "00743110157" });
  expect(data.before.source.saiProjects).toHaveLength(2);
  expect(data.before.target).toMatchObject({ name: "Cooperativa Unica", taxCode: null });
  expect(data.details).toMatchObject({ sourceId: source.id, projectsMoved: 1, projectsMerged: 1 });
});

test("the target keeps its own tax code; merging a body with itself or a vanished one is refused", async () => {
  const target = await createManagingBodyRecord(db, { taxCode: "80000160822" });
  const source = await createManagingBodyRecord(db, { taxCode: "RSSMRA85T10A562S" });
  expect(await mergeManagingBodies(db, { actor: coordinator, sourceId: target.id, targetId: target.id })).toEqual({ ok: false, reason: "SAME" });
  expect(await mergeManagingBodies(db, { actor: coordinator, sourceId: source.id, targetId: target.id })).toMatchObject({ ok: true });
  expect((await db.managingBody.findUniqueOrThrow({ where: { id: target.id } })).taxCode).toBe("80000160822");
  expect(await mergeManagingBodies(db, { actor: coordinator, sourceId: source.id, targetId: target.id })).toEqual({ ok: false, reason: "NOT_FOUND" });
});

test("a source's project code that differs from the target's for the same Comune and category is dropped, and said so", async () => {
  const gamma = await createMunicipalityIn(db, { name: "Gamma" });
  const target = await createManagingBodyRecord(db, { name: "Consorzio Gamma" });
  const source = await createManagingBodyRecord(db, { name: "Consorzio Gamma (doppione)" });
  const kept = await createSaiProjectRecord(db, { managingBodyId: target.id, municipalityId: gamma.id, category: "MSNA", projectCode: "PR-GAMMA-1" });
  await createSaiProjectRecord(db, { managingBodyId: source.id, municipalityId: gamma.id, category: "MSNA", projectCode: "PR-GAMMA-2" });

  const result = await mergeManagingBodies(db, { actor: coordinator, sourceId: source.id, targetId: target.id });
  expect(result).toMatchObject({ ok: true, discardedCodes: [{ municipality: "Gamma", category: "MSNA", code: "PR-GAMMA-2", kept: "PR-GAMMA-1" }] });
  expect(await db.saiProject.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ projectCode: "PR-GAMMA-1" });
  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "managing-body.merge", entityId: target.id } });
  expect(audit.data).toMatchObject({ details: { discardedCodes: [{ code: "PR-GAMMA-2", kept: "PR-GAMMA-1" }] } });
});
