import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMunicipalityIn, createReferent, createUser, referentSheetInput } from "@/lib/test/factories";
import { approveReferentSheet, rejectReferentSheet, submitReferentSheet } from "./mutations";

const { db } = await createTestDatabase();

async function submitted(municipalityId: string, values: Parameters<typeof referentSheetInput>[1] = {}) {
  const input = referentSheetInput(municipalityId, values);
  const result = await submitReferentSheet(db, input);
  if (!result.ok) throw new Error(result.reason);
  return { input, sheetId: result.sheetId };
}

describe("submitReferentSheet", () => {
  test("creates a pending scheda with its referents, the officer's person and consent, an acknowledgement email and a public audit entry", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Aidone", province: "EN" });
    const input = referentSheetInput(municipality.id, { communicationsConsent: true });
    const result = await submitReferentSheet(db, input);
    expect(result).toMatchObject({ ok: true, resubmitted: false });
    if (!result.ok) return;

    const sheet = await db.referentSheet.findUniqueOrThrow({ where: { id: result.sheetId }, include: { entries: { orderBy: { position: "asc" } } } });
    expect(sheet).toMatchObject({
      status: "PENDING",
      pec: input.pec,
      officerEmail: input.officerEmail,
      submissions: 1,
      privacyNoticeVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      communicationsConsent: true,
    });
    expect(sheet.communicationsConsentAt).toBeInstanceOf(Date);
    expect(sheet.entries.map((entry) => [entry.position, entry.email, entry.role])).toEqual([
      [0, input.referents[0].email, "POLITICAL"],
      [1, input.referents[1].email, "TECHNICAL"],
    ]);
    const officer = await db.person.findUniqueOrThrow({ where: { email: input.officerEmail } });
    expect(sheet.officerPersonId).toBe(officer.id);

    const [email] = await db.emailMessage.findMany({ where: { toEmail: input.officerEmail } });
    expect(email).toMatchObject({ template: "referent-sheet-received", status: "PENDING" });
    expect(email.data).toMatchObject({
      municipalityName: "Aidone",
      resubmitted: false,
      referents: [
        { name: "Anna Bianchi", role: "referente politico", email: input.referents[0].email },
        { name: "Luca Verdi", role: "referente tecnico", email: input.referents[1].email },
      ],
    });
    const [entry] = await db.auditEntry.findMany({ where: { entityId: sheet.id } });
    expect(entry).toMatchObject({ actorLabel: "pubblico", actorId: null, action: "referent-sheet.submit", entityType: "ReferentSheet" });
    // No active referent until a coordinator approves.
    expect(await db.referent.count({ where: { municipalityId: municipality.id } })).toBe(0);
  });

  test("sending again for the same Comune updates the pending scheda: referents replaced, one more submission, acknowledged again", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Assoro", province: "EN" });
    const first = await submitted(municipality.id);
    const second = referentSheetInput(municipality.id, {
      referents: [{ firstName: "Sara", lastName: "Neri", role: "TECHNICAL", office: "Segreteria", email: "sara.neri@assoro.example.it", phone: "" }],
    });
    const result = await submitReferentSheet(db, second);
    expect(result).toEqual({ ok: true, sheetId: first.sheetId, resubmitted: true });

    const sheets = await db.referentSheet.findMany({ where: { municipalityId: municipality.id }, include: { entries: true } });
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ submissions: 2, pec: second.pec, officerEmail: second.officerEmail });
    expect(sheets[0].entries.map((entry) => entry.email)).toEqual(["sara.neri@assoro.example.it"]);
    expect(sheets[0].submittedAt.getTime()).toBeGreaterThanOrEqual(sheets[0].firstSubmittedAt.getTime());
    const [email] = await db.emailMessage.findMany({ where: { toEmail: second.officerEmail } });
    expect(email.data).toMatchObject({ resubmitted: true });
    expect(await db.auditEntry.count({ where: { entityId: first.sheetId, action: "referent-sheet.resubmit" } })).toBe(1);
  });

  test("another officer replacing a waiting scheda: the first officer is told, and their person record is not rewritten", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Valguarnera Caropepe", province: "EN" });
    const first = referentSheetInput(municipality.id);
    await submitReferentSheet(db, first);
    const officer = await db.person.findUniqueOrThrow({ where: { email: first.officerEmail } });
    // A stranger names themselves with the first officer's address on another scheda: nothing of theirs is overwritten.
    await submitReferentSheet(
      db,
      referentSheetInput((await createMunicipalityIn(db, { name: "Aidone", province: "EN" })).id, {
        officerEmail: first.officerEmail,
        officerFirstName: "Impostore",
      }),
    );
    expect(await db.person.findUniqueOrThrow({ where: { email: first.officerEmail } })).toMatchObject({ firstName: officer.firstName });

    const second = referentSheetInput(municipality.id, { officerFirstName: "Mario", officerLastName: "Bianchi" });
    await submitReferentSheet(db, second);
    const notices = await db.emailMessage.findMany({ where: { template: "referent-sheet-replaced", toEmail: first.officerEmail } });
    expect(notices).toHaveLength(1);
    expect(notices[0].data).toMatchObject({ municipalityName: "Valguarnera Caropepe", replacedBy: expect.stringContaining("Mario Bianchi") });
    // The same officer sending again is not "replaced".
    await submitReferentSheet(db, second);
    expect(await db.emailMessage.count({ where: { template: "referent-sheet-replaced", toEmail: { in: [first.officerEmail, second.officerEmail] } } })).toBe(1);
  });

  test("simultaneous submissions for one Comune end with one pending scheda", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Calascibetta", province: "EN" });
    const results = await Promise.all(Array.from({ length: 5 }, () => submitReferentSheet(db, referentSheetInput(municipality.id))));
    expect(results.every((result) => result.ok)).toBe(true);
    const sheets = await db.referentSheet.findMany({ where: { municipalityId: municipality.id } });
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ status: "PENDING", submissions: 5 });
    expect(results.filter((result) => result.ok && !result.resubmitted)).toHaveLength(1);
    expect(await db.referentSheetEntry.count({ where: { sheetId: sheets[0].id } })).toBe(2);
  });

  test("the database itself refuses a second pending scheda for a Comune with P2002, which the retry relies on", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Centuripe", province: "EN" });
    const { sheetId } = await submitted(municipality.id);
    const sheet = await db.referentSheet.findUniqueOrThrow({ where: { id: sheetId } });
    const copy: Partial<typeof sheet> = { ...sheet };
    delete copy.id;
    delete copy.createdAt;
    delete copy.updatedAt;
    await expect(db.referentSheet.create({ data: copy as typeof sheet })).rejects.toMatchObject({ code: "P2002" });
  });

  test("a Comune that does not exist is refused with nothing written", async () => {
    const result = await submitReferentSheet(db, referentSheetInput("00000000-0000-4000-8000-000000000000"));
    expect(result).toEqual({ ok: false, reason: "UNKNOWN_MUNICIPALITY" });
  });
});

describe("approveReferentSheet", () => {
  test("activates the listed referents, reactivates a revoked one, revokes those no longer listed with a reason and audit, sets the PEC, emails each referent", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Catenanuova", province: "EN" });
    const formerlyRevoked = await createReferent(db, municipality.id, { status: "REVOKED", email: "tornata@catenanuova.example.it" });
    const stillListed = await createReferent(db, municipality.id, { email: "resta@catenanuova.example.it" });
    const dropped = await createReferent(db, municipality.id, { email: "esce@catenanuova.example.it" });
    const { sheetId, input } = await submitted(municipality.id, {
      referents: [
        { firstName: "Tina", lastName: "Tornata", role: "POLITICAL", office: "Sindaca", email: "tornata@catenanuova.example.it", phone: "" },
        { firstName: "Rino", lastName: "Resta", role: "TECHNICAL", office: "Servizi sociali", email: "resta@catenanuova.example.it", phone: "0935 123456" },
        { firstName: "Nina", lastName: "Nuova", role: "TECHNICAL", office: "Ufficio SAI", email: "nuova@catenanuova.example.it", phone: "" },
      ],
    });

    const now = new Date("2026-12-01T10:00:00Z");
    const result = await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1, now });
    expect(result).toEqual({ ok: true, activated: 3, revoked: 1 });

    const referents = await db.referent.findMany({ where: { municipalityId: municipality.id }, include: { person: true } });
    const byEmail = Object.fromEntries(referents.map((referent) => [referent.person.email, referent]));
    expect(byEmail["tornata@catenanuova.example.it"]).toMatchObject({
      id: formerlyRevoked.id,
      status: "ACTIVE",
      role: "POLITICAL",
      office: "Sindaca",
      source: "REFERENT_SHEET",
      sheetId,
      revokedAt: null,
      revokedReason: null,
      activatedAt: now,
    });
    expect(byEmail["tornata@catenanuova.example.it"].person).toMatchObject({ firstName: "Tina", lastName: "Tornata" });
    expect(byEmail["resta@catenanuova.example.it"]).toMatchObject({ id: stillListed.id, status: "ACTIVE", role: "TECHNICAL", sheetId });
    expect(byEmail["resta@catenanuova.example.it"].person.phone).toBe("0935 123456");
    expect(byEmail["nuova@catenanuova.example.it"]).toMatchObject({ status: "ACTIVE", source: "REFERENT_SHEET", office: "Ufficio SAI" });
    expect(byEmail["esce@catenanuova.example.it"]).toMatchObject({
      id: dropped.id,
      status: "REVOKED",
      revokedAt: now,
      revokedReason: "Non più indicato nella scheda referenti approvata il 1 dicembre 2026",
    });
    const revocation = await db.auditEntry.findFirstOrThrow({ where: { entityId: dropped.id, action: "referent.revoke" } });
    expect(revocation).toMatchObject({ actorId: coordinator.id, entityType: "Referent" });
    expect(revocation.data).toMatchObject({ after: { status: "REVOKED", revokedReason: expect.stringContaining("Non più indicato") } });

    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).pec).toBe(input.pec);
    expect(await db.referentSheet.findUniqueOrThrow({ where: { id: sheetId } })).toMatchObject({
      status: "APPROVED",
      reviewedById: coordinator.id,
      reviewedAt: now,
    });

    const designations = await db.emailMessage.findMany({ where: { template: "referent-designated", toEmail: { endsWith: "@catenanuova.example.it" } } });
    expect(designations.map((email) => email.toEmail).sort()).toEqual([
      "nuova@catenanuova.example.it",
      "resta@catenanuova.example.it",
      "tornata@catenanuova.example.it",
    ]);
    expect(designations.find((email) => email.toEmail.startsWith("tornata"))?.data).toMatchObject({
      municipalityName: "Catenanuova",
      roleLabel: "referente politico",
      office: "Sindaca",
      contactEmail: expect.stringContaining("@"),
    });
    expect(await db.auditEntry.count({ where: { entityId: sheetId, action: "referent-sheet.approve", actorId: coordinator.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "referent.designate", entityId: { in: referents.map((r) => r.id) } } })).toBe(3);
  });

  test("the officer who filled the scheda is emailed the outcome with the referents now active, in the approving transaction", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Nicosia", province: "EN" });
    const { sheetId, input } = await submitted(municipality.id);
    expect(await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1 })).toMatchObject({ ok: true });
    const emails = await db.emailMessage.findMany({ where: { toEmail: input.officerEmail, template: "referent-sheet-approved" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ status: "PENDING", toName: "Giovanna Russo" });
    expect(emails[0].data).toEqual({
      recipientName: "Giovanna Russo",
      municipalityName: "Nicosia",
      referents: [
        { name: "Anna Bianchi", role: "referente politico", office: "Assessora alle politiche sociali" },
        { name: "Luca Verdi", role: "referente tecnico", office: "Ufficio servizi sociali" },
      ],
      sheetUrl: expect.stringMatching(/\/scheda-referenti$/),
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: sheetId, action: "referent-sheet.approve" } });
    expect(audit.data).toMatchObject({ details: { approvalEmailId: emails[0].id } });
  });

  test("a second approval is refused as already reviewed, and changes nothing", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Cerami", province: "EN" });
    const { sheetId } = await submitted(municipality.id);
    expect(await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1 })).toMatchObject({ ok: true });
    const emails = await db.emailMessage.count();
    expect(await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1 })).toEqual({ ok: false, reason: "ALREADY_REVIEWED" });
    expect(await rejectReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1, reason: "Troppo tardi per respingerla" })).toEqual({
      ok: false,
      reason: "ALREADY_REVIEWED",
    });
    expect(await db.emailMessage.count()).toBe(emails);
    expect(await approveReferentSheet(db, { actor: coordinator, sheetId: "00000000-0000-4000-8000-000000000000", seenSubmissions: 1 })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });

  test("a scheda sent again after the coordinator opened it is neither approved nor rejected as it was seen", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Nicosia", province: "EN" });
    const { sheetId } = await submitted(municipality.id);
    // Someone sends it again, naming other people, while the coordinator reads submission 1.
    await submitReferentSheet(db, referentSheetInput(municipality.id));
    expect(await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1 })).toEqual({ ok: false, reason: "CHANGED" });
    expect(await rejectReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1, reason: "Manca il referente tecnico" })).toEqual({
      ok: false,
      reason: "CHANGED",
    });
    expect(await db.referent.count({ where: { municipalityId: municipality.id } })).toBe(0);
    expect(await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 2 })).toMatchObject({ ok: true, activated: 2 });
  });

  test("approving and rejecting the same scheda at once: exactly one wins", async () => {
    const [first, second] = [await createUser(db, "COORDINATOR"), await createUser(db, "COORDINATOR")];
    const municipality = await createMunicipalityIn(db, { name: "Gagliano Castelferrato", province: "EN" });
    const { sheetId } = await submitted(municipality.id);
    const results = await Promise.all([
      approveReferentSheet(db, { actor: first, sheetId, seenSubmissions: 1 }),
      rejectReferentSheet(db, { actor: second, sheetId, seenSubmissions: 1, reason: "Manca il referente tecnico" }),
      approveReferentSheet(db, { actor: second, sheetId, seenSubmissions: 1 }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(["ALREADY_REVIEWED", "ALREADY_REVIEWED"]);
  });
});

describe("rejectReferentSheet", () => {
  test("rejects with the reason, emails it to the officer with a link to the scheda, records it, activates nobody", async () => {
    const coordinator = await createUser(db, "COORDINATOR");
    const municipality = await createMunicipalityIn(db, { name: "Leonforte", province: "EN" });
    const { sheetId, input } = await submitted(municipality.id);
    expect(await rejectReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1, reason: "  " })).toEqual({ ok: false, reason: "REASON_REQUIRED" });

    const result = await rejectReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1, reason: "Manca il referente tecnico del progetto SAI." });
    expect(result).toEqual({ ok: true });
    expect(await db.referentSheet.findUniqueOrThrow({ where: { id: sheetId } })).toMatchObject({
      status: "REJECTED",
      rejectionReason: "Manca il referente tecnico del progetto SAI.",
      reviewedById: coordinator.id,
    });
    const [email] = await db.emailMessage.findMany({ where: { toEmail: input.officerEmail, template: "referent-sheet-rejected" } });
    expect(email.data).toMatchObject({
      municipalityName: "Leonforte",
      reason: "Manca il referente tecnico del progetto SAI.",
      sheetUrl: expect.stringMatching(/\/scheda-referenti$/),
    });
    expect(await db.auditEntry.count({ where: { entityId: sheetId, action: "referent-sheet.reject" } })).toBe(1);
    expect(await db.referent.count({ where: { municipalityId: municipality.id } })).toBe(0);

    // The Comune may send a new scheda: it is a new pending one.
    const again = await submitReferentSheet(db, referentSheetInput(municipality.id));
    expect(again).toMatchObject({ ok: true, resubmitted: false });
  });
});
