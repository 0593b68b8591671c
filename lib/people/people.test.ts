import { describe, expect, test } from "vitest";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { recordAudit } from "@/lib/audit/mutations";
import { claimEmailForDelivery } from "@/lib/email/mutations";
import { suppressAddress } from "@/lib/email/suppression/mutations";
import { register } from "@/lib/registrations/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createUser, registrationInput } from "@/lib/test/factories";
import { buildPersonExport } from "./export";
import { ERASED_EMAIL_ERROR, erasePerson } from "./mutations";
import { getPersonRecords, searchPeople } from "./queries";

const { db } = await createTestDatabase();

const coordinator = await createUser(db, "COORDINATOR");
const meeting = await createMeeting(db, { capacity: 1, title: "Tavolo di gennaio" });
const later = await createMeeting(db, { title: "Tavolo di febbraio" });
const comune = await createMunicipalityIn(db, { name: "Mazara del Vallo", province: "TP" });
const other = await createMunicipalityIn(db, { name: "Marsala", province: "TP" });

// The person to export and erase: names nobody else has, so a text search of the database finds only her.
const EMAIL = "ermenegilda.cancellandi@comune.example.it";
const FIRST = "Ermenegilda";
const LAST = "Cancellandi";
const PHONE = "333 987 6543";

// She registers for her Comune and takes the only seat, nominating a gestore; Quirino waits.
const mine = await register(db, {
  slug: meeting.slug,
  ...registrationInput({
    firstName: FIRST,
    lastName: LAST,
    email: EMAIL,
    phone: PHONE,
    roleTitle: "Assessora ai servizi sociali",
    organisationType: "COMUNE",
    municipalityId: comune.id,
    communicationsConsent: true,
    nominees: [{ firstName: "Gino", lastName: "Gestore", email: "gino.gestore@coop.example.it", managingBodyName: "Cooperativa Alba" }],
  }),
});
if (!mine.ok) throw new Error("registration failed");
const theirs = await register(db, {
  slug: meeting.slug,
  ...registrationInput({ firstName: "Quirino", lastName: "Quieto", email: "quirino@comune.example.it", organisationType: "COMUNE", municipalityId: other.id }),
});
if (!theirs.ok) throw new Error("registration failed");
// Quirino nominates her for the later meeting: an invitation addressed to her, unanswered.
const quirinoLater = await register(db, {
  slug: later.slug,
  ...registrationInput({
    firstName: "Quirino",
    lastName: "Quieto",
    email: "quirino@comune.example.it",
    nominees: [{ firstName: FIRST, lastName: LAST, email: EMAIL, managingBodyName: "Cooperativa Beta" }],
  }),
});
if (!quirinoLater.ok) throw new Error("registration failed");
const person = await db.person.findUniqueOrThrow({ where: { email: EMAIL } });
await db.attendance.create({ data: { registrationId: mine.registrationId, status: "PRESENT", method: "MANUAL", minutes: 90 } });
const referent = await db.referent.create({ data: { municipalityId: comune.id, personId: person.id, role: "POLITICAL", office: "Assessorato", source: "COORDINATOR" } });
const quirino = await db.person.findUniqueOrThrow({ where: { email: "quirino@comune.example.it" } });
const sheetFields = { pec: "protocollo@pec.example.it", privacyNoticeVersion: "2026-11-26", privacyConsentAt: new Date() };
const ownSheet = await db.referentSheet.create({
  data: {
    ...sheetFields,
    municipalityId: comune.id,
    officerPersonId: person.id,
    officerFirstName: FIRST,
    officerLastName: LAST,
    officerEmail: EMAIL,
    officerPhone: PHONE,
    officerRoleTitle: "Assessora",
  },
});
await db.referentSheet.create({
  data: {
    ...sheetFields,
    municipalityId: other.id,
    officerPersonId: quirino.id,
    officerFirstName: "Quirino",
    officerLastName: "Quieto",
    officerEmail: quirino.email,
    entries: {
      create: [
        { position: 0, firstName: FIRST, lastName: LAST, role: "TECHNICAL", email: EMAIL, phone: PHONE },
        { position: 1, firstName: "Quirino", lastName: "Quieto", role: "POLITICAL", email: quirino.email },
      ],
    },
  },
});
await db.$transaction(async (tx) => {
  await recordAudit(tx, { actor: { id: coordinator.id }, action: "registration.update", entityType: "Registration", entityId: mine.registrationId, after: { roleTitle: "Assessora" } });
  await recordAudit(tx, { actor: { id: coordinator.id }, action: "referent.create", entityType: "Referent", entityId: referent.id, after: { email: EMAIL } });
  // About the Comune, naming her among others.
  await recordAudit(tx, {
    actor: { id: coordinator.id },
    action: "referent-sheet.approve",
    entityType: "Municipality",
    entityId: other.id,
    details: { referents: [{ name: `${FIRST} ${LAST}`, email: EMAIL, phone: PHONE }, { name: "Quirino Quieto", email: quirino.email }] },
  });
});

describe("the people search", () => {
  test("finds by name or email, every word matching; an empty search lists the newest first", async () => {
    expect((await searchPeople(db, { search: "cancell ermen", page: 1 })).rows.map((p) => p.id)).toEqual([person.id]);
    expect((await searchPeople(db, { search: "quirino@", page: 1 })).rows.map((p) => p.lastName)).toEqual(["Quieto"]);
    const all = await searchPeople(db, { page: 1 });
    expect(all.total).toBe(2);
    expect(all.rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(all.rows.at(-1)!.createdAt.getTime());
  });
});

describe("a person's records and their export", () => {
  test("gather every kind of record, by id and by address", async () => {
    const records = await getPersonRecords(db, { id: person.id });
    expect(records).not.toBeNull();
    expect(records!.registrations).toEqual([
      expect.objectContaining({
        id: mine.registrationId,
        status: "CONFIRMED",
        communicationsConsent: true,
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        attendance: expect.objectContaining({ status: "PRESENT", minutes: 90 }),
        invitationsSent: [expect.objectContaining({ lastName: "Gestore" })],
      }),
    ]);
    expect(records!.invitations).toEqual([expect.objectContaining({ email: EMAIL, status: "SENT", managingBodyName: "Cooperativa Beta" })]);
    expect(records!.referents).toEqual([expect.objectContaining({ id: referent.id, role: "POLITICAL" })]);
    expect(records!.sheetsAsOfficer.map((s) => s.id)).toEqual([ownSheet.id]);
    expect(records!.sheetEntries).toEqual([expect.objectContaining({ email: EMAIL, sheet: expect.objectContaining({ municipality: { id: other.id, name: "Marsala" } }) })]);
    expect(records!.emails.map((e) => e.template).sort()).toEqual(["invitation", "registration-confirmed"]);
    expect(records!.emails[0]).not.toHaveProperty("data");
    expect(records!.audit.map((a) => a.action).sort()).toEqual(["referent.create", "registration.update"]);
    expect(await getPersonRecords(db, { id: "non-un-id" })).toBeNull();
  });

  test("the export holds them all, email data included, but no token, token hash or personal link", async () => {
    const records = await getPersonRecords(db, { id: person.id, withEmailData: true });
    const text = JSON.stringify(buildPersonExport(records!));
    const parsed = JSON.parse(text);
    for (const key of ["person", "registrations", "invitationsReceived", "referents", "referentSheetsAsOfficer", "referentSheetEntries", "emails", "auditEntries"]) {
      expect(parsed[key], key).toBeTruthy();
    }
    expect(parsed.person).toMatchObject({ email: EMAIL, firstName: FIRST, lastName: LAST, phone: PHONE });
    expect(parsed.emails.find((e: { template: string }) => e.template === "registration-confirmed").data).toMatchObject({ meetingTitle: "Tavolo di gennaio" });

    const hashes = [
      ...(await db.registration.findMany({ select: { tokenHash: true } })).map((r) => r.tokenHash),
      ...(await db.invitation.findMany({ select: { tokenHash: true } })).map((i) => i.tokenHash),
    ];
    for (const hash of hashes) expect(text).not.toContain(hash);
    expect(text).not.toContain(mine.token);
    expect(text).not.toMatch(/tokenHash|personalUrl|invitationUrl|joinUrl/);
  });
});

/** Every row of every table of ours, as text. */
async function dumpDatabase(): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n").toLowerCase();
}

async function countsPerMeeting() {
  return db.registration.groupBy({ by: ["meetingId", "status"], _count: { _all: true }, orderBy: [{ meetingId: "asc" }, { status: "asc" }] });
}

describe("erasing a person", () => {
  test("leaves no trace of her address, names or phone anywhere, keeps every count, sends nothing more, and is audited", async () => {
    // Her address bounced once: it is on the suppression list.
    await suppressAddress(db, { address: EMAIL, reason: "BOUNCED", at: new Date(), emailMessageId: null });
    const before = await dumpDatabase();
    for (const trace of [EMAIL, FIRST, LAST, PHONE]) expect(before).toContain(trace.toLowerCase());
    const countsBefore = await countsPerMeeting();
    const pending = await db.emailMessage.findFirstOrThrow({ where: { toEmail: EMAIL, status: "PENDING", template: "registration-confirmed" } });

    const result = await erasePerson(db, { actor: coordinator, personId: person.id });
    expect(result).toMatchObject({ ok: true, counts: { registrations: 1, invitations: 1, invitationsRevoked: 1, referentsRevoked: 1, sheets: 1, sheetEntries: 1 } });

    const after = await dumpDatabase();
    for (const trace of [EMAIL, FIRST, LAST, PHONE]) expect(after, trace).not.toContain(trace.toLowerCase());
    // Quirino, named beside her, keeps his data.
    expect(after).toContain("quirino@comune.example.it");
    expect(await countsPerMeeting()).toEqual(countsBefore);

    const erased = await db.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(erased).toMatchObject({ email: `cancellato-${person.id}@anonimo.invalid`, firstName: "Dato", lastName: "cancellato", phone: null, roleTitle: null, organisation: null });
    expect(erased.erasedAt).toBeInstanceOf(Date);
    const registration = await db.registration.findUniqueOrThrow({ where: { id: mine.registrationId }, include: { attendance: true } });
    expect(registration).toMatchObject({ status: "CONFIRMED", roleTitle: null, municipalityId: comune.id, attendance: expect.objectContaining({ status: "PRESENT" }) });
    expect(registration.tokenRevokedAt).toBeInstanceOf(Date);
    expect(await db.invitation.findFirstOrThrow({ where: { meetingId: later.id, managingBodyName: "Cooperativa Beta" } })).toMatchObject({
      status: "REVOKED",
      firstName: "Dato",
      email: `cancellato-${person.id}@anonimo.invalid`,
    });
    expect(await db.referent.findUniqueOrThrow({ where: { id: referent.id } })).toMatchObject({ status: "REVOKED", revokedReason: "Dati cancellati" });

    // The worker claims only PENDING or SENDING messages: this one is never sent.
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "CANCELLED", lastError: ERASED_EMAIL_ERROR, data: {}, toName: null });
    expect(await claimEmailForDelivery(db, pending.id)).toBeNull();

    expect((await db.auditEntry.findFirstOrThrow({ where: { entityType: "Registration", entityId: mine.registrationId } })).data).toEqual({ erased: true });
    const [entry] = await db.auditEntry.findMany({ where: { action: "person.erase", entityId: person.id } });
    expect(entry).toMatchObject({ actorId: coordinator.id, entityType: "Person", data: { details: { counts: result.ok ? result.counts : {} } } });

    expect(await erasePerson(db, { actor: coordinator, personId: person.id })).toEqual({ ok: false, reason: "ALREADY_ERASED" });
    expect(await db.auditEntry.count({ where: { action: "person.erase" } })).toBe(1);
    expect(await erasePerson(db, { actor: coordinator, personId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("two coordinators erasing at once", () => {
  test("one erases, the other is told it is already done, and one erasure is on the audit log", async () => {
    const twice = await db.person.create({ data: { email: "doppia@ente.example.it", firstName: "Doppia", lastName: "Cancellazione" } });
    const results = await Promise.all([
      erasePerson(db, { actor: coordinator, personId: twice.id }),
      erasePerson(db, { actor: coordinator, personId: twice.id }),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "ALREADY_ERASED" });
    expect(await db.auditEntry.count({ where: { action: "person.erase", entityId: twice.id } })).toBe(1);
  });
});

describe("erasing a person named on a scheda still waiting", () => {
  test("takes them off it, so approving it designates the others only; a scheda left with nobody is closed", async () => {
    const { submitReferentSheet, approveReferentSheet } = await import("@/lib/referents/sheets/mutations");
    const { referentSheetInput } = await import("@/lib/test/factories");
    const comuneA = await createMunicipalityIn(db, { name: "Salemi", province: "TP" });
    const input = referentSheetInput(comuneA.id);
    const { sheetId } = (await submitReferentSheet(db, input)) as { ok: true; sheetId: string };
    const [gone, stays] = input.referents;
    const person = await db.person.create({ data: { email: gone.email, firstName: gone.firstName, lastName: gone.lastName } });
    expect(await erasePerson(db, { actor: coordinator, personId: person.id })).toMatchObject({ ok: true });

    expect(await approveReferentSheet(db, { actor: coordinator, sheetId, seenSubmissions: 1 })).toMatchObject({ ok: true, activated: 1 });
    const active = await db.referent.findMany({ where: { municipalityId: comuneA.id, status: "ACTIVE" }, include: { person: true } });
    expect(active.map((referent) => referent.person.email)).toEqual([stays.email]);
    expect(await db.emailMessage.count({ where: { toEmail: { endsWith: "@anonimo.invalid" }, status: "PENDING" } })).toBe(0);

    const comuneB = await createMunicipalityIn(db, { name: "Vita", province: "TP" });
    const alone = referentSheetInput(comuneB.id, { referents: [{ ...stays, email: "solo.referente@vita.example.it" }] });
    const { sheetId: aloneId } = (await submitReferentSheet(db, alone)) as { ok: true; sheetId: string };
    const only = await db.person.create({ data: { email: "solo.referente@vita.example.it", firstName: "Solo", lastName: "Referente" } });
    await erasePerson(db, { actor: coordinator, personId: only.id });
    expect(await db.referentSheet.findUniqueOrThrow({ where: { id: aloneId } })).toMatchObject({ status: "REJECTED" });
  });
});

test("reasons coordinators typed that name the person lose the name, the rest stays", async () => {
  const person = await db.person.create({ data: { email: "nominata.altrove@example.it", firstName: "Filomena", lastName: "Nominata" } });
  const someoneElse = await db.person.create({ data: { email: "sostituito@example.it", firstName: "Arturo", lastName: "Sostituito" } });
  const comuneC = await createMunicipalityIn(db, { name: "Partanna", province: "TP" });
  const revoked = await db.referent.create({
    data: { municipalityId: comuneC.id, personId: someoneElse.id, role: "TECHNICAL", source: "COORDINATOR", status: "REVOKED", revokedReason: "Sostituito da Filomena Nominata" },
  });
  expect(await erasePerson(db, { actor: coordinator, personId: person.id })).toMatchObject({ ok: true });
  const after = await db.referent.findUniqueOrThrow({ where: { id: revoked.id } });
  expect(after.revokedReason).toBe("Sostituito da Dato cancellato");
});

