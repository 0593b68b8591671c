import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createRegistrationRecord, createUser } from "@/lib/test/factories";
import { recordAudit } from "@/lib/audit/mutations";
import { runDueWork } from "@/lib/scheduling/due-work";
import { retentionCutoffs } from "./due";
import { RETENTION_KINDS } from "./labels";
import { applyRetention, runDailyRetention } from "./mutations";
import { listRetentionRuns, planRetention } from "./queries";
import { readRetentionSettings, retentionSettings } from "./settings";

const { db } = await createTestDatabase();

const DAY = 24 * 60 * 60 * 1000;
const settings = retentionSettings({});
const T0 = new Date();
/** The clock moved 13 months on: past the 12 months of referents, schede and emails, within the 24 of the activity log. */
const T1 = new Date(T0.getTime() + 396 * DAY);
const hash = () => randomBytes(32).toString("hex");
const zero = Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, 0]));

const comune = await createMunicipalityIn(db, { name: "Caltabellotta", province: "AG" });
const coordinator = await createUser(db, "COORDINATOR");
// A meeting of five years before the moved clock's year (a few days' margin): still kept at T1, due from the following 1 January.
const romeYear = (date: Date) => Number(date.toLocaleString("en-CA", { timeZone: "Europe/Rome", year: "numeric" }));
const OLD_YEAR = romeYear(new Date(T1.getTime() + 15 * DAY)) - 5;
const DUE_FROM = new Date(`${OLD_YEAR + 6}-01-01T09:00:00Z`);
const old = await createMeeting(db, { title: `Tavolo tecnico del 24 marzo ${OLD_YEAR}`, startsAt: new Date(`${OLD_YEAR}-03-24T14:00:00Z`), endsAt: new Date(`${OLD_YEAR}-03-24T16:00:00Z`) });
const recent = await createMeeting(db, { title: "Tavolo di quest'anno" });

// Alice came to the old meeting only; Bruno too, but he consented to communications; Carla came to both.
const alice = await createRegistrationRecord(db, old.id, { firstName: "Alice", lastName: "Anziani", roleTitle: "Assistente sociale", attendance: { status: "PRESENT", minutes: 95 } });
const bruno = await createRegistrationRecord(db, old.id, { firstName: "Bruno", lastName: "Consenzi", attendance: "ABSENT" });
await db.person.update({ where: { id: bruno.personId }, data: { communicationsConsent: true, communicationsConsentAt: T0 } });
const carlaOld = await createRegistrationRecord(db, old.id, { firstName: "Carla", lastName: "Costante", email: "carla@comune.example.it", roleTitle: "Funzionaria" });
const carlaNew = await createRegistrationRecord(db, recent.id, { firstName: "Carla", lastName: "Costante", email: "carla@comune.example.it" });
// Bruno nominated a gestore for the old meeting; the recent meeting has an invitation nobody answered, its link expired yesterday.
const nominee = await db.invitation.create({
  data: { meetingId: old.id, invitedByRegistrationId: bruno.id, email: "gina.gestori@coop.example.it", firstName: "Gina", lastName: "Gestori", managingBodyName: "Cooperativa Alba", status: "ACCEPTED", tokenHash: hash(), tokenExpiresAt: T0 },
});
const unanswered = await db.invitation.create({
  data: { meetingId: recent.id, invitedByUserId: coordinator.id, email: "ugo.unanswered@coop.example.it", firstName: "Ugo", lastName: "Silente", managingBodyName: "Cooperativa Beta", tokenHash: hash(), tokenExpiresAt: new Date(T0.getTime() - DAY) },
});
const attendanceImport = await db.attendanceImport.create({
  data: { meetingId: old.id, platform: "ZOOM", fileName: "partecipanti.csv", fileHash: hash(), rows: [{ name: "Alice Anziani", email: alice.person.email, minutes: 95 }], summary: { present: 1, changes: [{ registrationId: alice.id, name: "Alice Anziani", status: "PRESENT", minutes: 95, outcome: "set" }] } },
});

// Dario's designation was revoked today; Elena is an active referent; Fabio's scheda was rejected today.
const dario = await db.person.create({ data: { email: "dario.revocato@comune.example.it", firstName: "Dario", lastName: "Revocato" } });
const darioReferent = await db.referent.create({ data: { municipalityId: comune.id, personId: dario.id, role: "TECHNICAL", source: "COORDINATOR", status: "REVOKED", revokedAt: T0, revokedReason: "Cambio di ufficio" } });
const elena = await db.person.create({ data: { email: "elena.attiva@comune.example.it", firstName: "Elena", lastName: "Attiva" } });
await db.referent.create({ data: { municipalityId: comune.id, personId: elena.id, role: "POLITICAL", source: "COORDINATOR" } });
const fabio = await db.person.create({ data: { email: "fabio.respinto@comune.example.it", firstName: "Fabio", lastName: "Respinto" } });
const sheet = await db.referentSheet.create({
  data: {
    municipalityId: comune.id, status: "REJECTED", pec: "protocollo@pec.comune.example.it", officerPersonId: fabio.id, officerFirstName: "Fabio", officerLastName: "Respinto",
    officerEmail: fabio.email, privacyNoticeVersion: "2026-11-26", privacyConsentAt: T0, reviewedAt: T0, rejectionReason: "Manca la firma",
    entries: { create: [{ position: 1, firstName: "Nino", lastName: "Nominato", role: "TECHNICAL", email: "nino@comune.example.it" }] },
  },
});

// The email log: a sent reminder with a delivery report; a convocation to the Comune's PEC.
const reminder = await db.emailMessage.create({ data: { template: "registration-confirmed", toEmail: alice.person.email, toName: "Alice Anziani", data: { firstName: "Alice" }, status: "SENT", sentAt: T0, registrationId: alice.id } });
await db.emailEvent.create({ data: { providerEventId: `evt-${hash()}`, type: "email.delivered", emailMessageId: reminder.id, occurredAt: T0 } });
const queued = await db.emailMessage.create({ data: { template: "registration-confirmed", toEmail: "carla@comune.example.it", data: {}, status: "PENDING" } });
const dispatch = await db.dispatch.create({ data: { meetingId: old.id, audiences: ["SAI_PEC"], recipients: 1, letterPdf: Buffer.from("%PDF"), sheetPdf: Buffer.from("%PDF") } });
const convocation = await db.emailMessage.create({ data: { template: "convocation", toEmail: "protocollo@pec.comune.example.it", data: { subject: "Convocazione" }, status: "SENT", channel: "PEC", sentAt: T0 } });
await db.dispatchRecipient.create({ data: { dispatchId: dispatch.id, meetingId: old.id, channel: "PEC", address: "protocollo@pec.comune.example.it", municipalityId: comune.id, emailMessageId: convocation.id } });

// The activity log: an entry of a year ago (due at T1 under 24 months) and today's.
await recordAudit(db, { actor: { id: coordinator.id }, action: "meeting.publish", entityType: "Meeting", entityId: old.id });
const yearOld = await db.auditEntry.create({ data: { actorId: coordinator.id, action: "meeting.publish", entityType: "Meeting", entityId: old.id, createdAt: new Date(T0.getTime() - 365 * DAY) } });

// Technical rows: a rate-limit counter and a session that expired today, a sign-in code.
await db.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES ('public-write:203.0.113.7', 3, ${BigInt(T0.getTime())})`;
await db.session.create({ data: { sessionToken: hash(), userId: coordinator.id, expires: T0 } });
await db.verificationToken.create({ data: { identifier: coordinator.email, token: hash(), expires: T0 } });

const registerTotals = async (meetingId: string) => ({
  registrations: await db.registration.groupBy({ by: ["status"], where: { meetingId }, _count: true, orderBy: { status: "asc" } }),
  present: await db.attendance.count({ where: { registration: { meetingId }, status: "PRESENT" } }),
  minutes: (await db.attendance.aggregate({ where: { registration: { meetingId } }, _sum: { minutes: true } }))._sum.minutes,
});

describe("settings", () => {
  test("defaults, and every wrong value named (none replaced by its default)", () => {
    expect(readRetentionSettings({})).toEqual({
      ok: true,
      settings: { reportingYears: 5, reportingClosedOn: null, revokedReferentMonths: 12, sheetMonths: 12, expiredInvitationDays: 90, emailLogMonths: 12, auditLogMonths: 24, rateLimitHours: 24, sessionDays: 7 },
    });
    const wrong = readRetentionSettings({ RETENTION_REPORTING_YEARS: "0", RETENTION_EMAIL_LOG_MONTHS: "6 mesi", RETENTION_REPORTING_CLOSED_ON: "2024-02-30" });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problems).toEqual([
      expect.stringContaining("RETENTION_REPORTING_YEARS"),
      expect.stringContaining("RETENTION_EMAIL_LOG_MONTHS"),
      expect.stringContaining("RETENTION_REPORTING_CLOSED_ON"),
    ]);
    expect(() => retentionSettings({ RETENTION_AUDIT_LOG_MONTHS: "-1" })).toThrow(/RETENTION_AUDIT_LOG_MONTHS/);
  });

  test("the reporting period: full years after 31 December of the meeting's year, in Rome, and never before the project's closure", () => {
    const cut = (now: string, closedOn: string | null = null) => retentionCutoffs({ ...settings, reportingClosedOn: closedOn }, new Date(now)).meetingsBefore;
    // 23:30 on 31 December 2027 in Rome: 2022's meetings are still kept; half an hour later they are due.
    expect(cut("2027-12-31T22:30:00Z")?.toISOString()).toBe("2021-12-31T23:00:00.000Z");
    expect(cut("2027-12-31T23:30:00Z")?.toISOString()).toBe("2022-12-31T23:00:00.000Z");
    expect(cut("2028-06-01T10:00:00Z", "2024-03-31")).toBeNull();
    expect(cut("2030-01-01T10:00:00Z", "2024-03-31")?.toISOString()).toBe("2024-12-31T23:00:00.000Z");
  });
});

describe("a run with the clock moved", () => {
  test("today nothing is due", async () => {
    expect(await planRetention(db, retentionCutoffs(settings, T0))).toEqual(zero);
  });

  test("13 months on: the dry run counts exactly what the run then does, and the register's totals survive", async () => {
    const before = await registerTotals(old.id);
    const cut = retentionCutoffs(settings, T1);
    expect(cut.meetingsBefore!.getTime()).toBeLessThan(old.startsAt.getTime());
    const plan = await planRetention(db, cut);
    const expected = {
      revokedReferents: 1,
      sheets: 1,
      invitations: 1, // Ugo's, expired more than 90 days ago; Gina's meeting is still in its period
      registrations: 0,
      attendanceImports: 0,
      people: 2, // Dario and Fabio: nothing else keeps them
      emails: 1, // the reminder; the queued one is not finished, the convocation is kept
      dispatchEmails: 1,
      auditEntries: 1,
      rateLimits: 1,
      sessions: 2,
    };
    expect(plan).toEqual(expected);

    const result = await runDailyRetention(db, { now: T1, settings });
    expect(result).toMatchObject({ ran: true, counts: expected });

    expect(await db.referent.findUnique({ where: { id: darioReferent.id } })).toBeNull();
    expect(await db.referentSheet.findUnique({ where: { id: sheet.id } })).toBeNull();
    expect(await db.referentSheetEntry.count({ where: { email: "nino@comune.example.it" } })).toBe(0);
    for (const person of [dario, fabio]) {
      expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ firstName: "Dato", lastName: "cancellato", erasedAt: T1 });
    }
    expect(await db.person.findUniqueOrThrow({ where: { id: elena.id } })).toMatchObject({ firstName: "Elena", erasedAt: null });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: unanswered.id } })).toMatchObject({
      firstName: "Dato", lastName: "cancellato", email: `cancellato-${unanswered.id}@anonimo.invalid`, status: "EXPIRED", managingBodyName: "Cooperativa Beta",
    });
    expect(await db.emailMessage.findUnique({ where: { id: reminder.id } })).toBeNull();
    expect(await db.emailEvent.count({ where: { type: "email.delivered" } })).toBe(0);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "PENDING" });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: convocation.id } })).toMatchObject({ data: {}, status: "SENT", toEmail: "protocollo@pec.comune.example.it" });
    expect(await db.dispatchRecipient.count({ where: { dispatchId: dispatch.id } })).toBe(1);
    expect(await db.auditEntry.findUnique({ where: { id: yearOld.id } })).toBeNull();
    expect(await db.$queryRaw`SELECT key FROM rate_limits`).toEqual([]);
    expect(await db.session.count()).toBe(0);
    expect(await db.verificationToken.count()).toBe(0);
    expect(await registerTotals(old.id)).toEqual(before);

    // One audit entry for the run, with the counts; none per person.
    const entries = await db.auditEntry.findMany({ where: { action: { in: ["retention.run", "person.erase"] } } });
    expect(entries).toEqual([expect.objectContaining({ action: "retention.run", actorLabel: "sistema (conservazione dei dati)", entityType: "RetentionRun", entityId: (result.ran && result.runId) || "" })]);
    expect(entries[0].data).toMatchObject({ details: { counts: expected } });
    expect(await planRetention(db, cut)).toEqual(zero);
  });

  test("once a day: the same day's next tick does nothing, the next day's finds nothing left", async () => {
    expect(await runDailyRetention(db, { now: new Date(T1.getTime() + 60_000), settings })).toEqual({ ran: false, reason: "already-ran" });
    const nextDay = await runDailyRetention(db, { now: new Date(T1.getTime() + DAY), settings });
    expect(nextDay).toMatchObject({ ran: true, counts: zero });
    expect(await db.auditEntry.count({ where: { action: "retention.run" } })).toBe(2);
    expect((await listRetentionRuns(db)).map((run) => run.finishedAt !== null)).toEqual([true, true]);
  });

  test("two schedulers at once on a new day: one runs", async () => {
    const now = new Date(T1.getTime() + 2 * DAY);
    const results = await Promise.all([runDailyRetention(db, { now, settings }), runDailyRetention(db, { now, settings })]);
    expect(results.filter((result) => result.ran)).toHaveLength(1);
  });

  test("from the 1 January after its five years: the old meeting's registrations, nominations and import are anonymised; who consented stays", async () => {
    const before = await registerTotals(old.id);
    const later = new Date(Math.max(DUE_FROM.getTime(), T1.getTime() + 12 * DAY));
    const counts = await applyRetention(db, { now: later, settings });
    expect(counts).toMatchObject({ registrations: 3, invitations: 1, attendanceImports: 1, people: 1 });

    expect(await db.person.findUniqueOrThrow({ where: { id: alice.personId } })).toMatchObject({ firstName: "Dato", erasedAt: later });
    expect(await db.person.findUniqueOrThrow({ where: { id: bruno.personId } })).toMatchObject({ firstName: "Bruno", erasedAt: null });
    expect(await db.person.findUniqueOrThrow({ where: { id: carlaOld.personId } })).toMatchObject({ firstName: "Carla", erasedAt: null });
    expect(await db.registration.findUniqueOrThrow({ where: { id: carlaOld.id } })).toMatchObject({ roleTitle: null, anonymisedAt: later });
    expect(await db.registration.findUniqueOrThrow({ where: { id: carlaNew.id } })).toMatchObject({ anonymisedAt: null });
    expect(await db.registration.findUniqueOrThrow({ where: { id: alice.id } })).toMatchObject({ status: "CONFIRMED", roleTitle: null, organisationName: null });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: nominee.id } })).toMatchObject({ firstName: "Dato", status: "ACCEPTED", managingBodyName: "Cooperativa Alba" });
    expect(await db.attendanceImport.findUniqueOrThrow({ where: { id: attendanceImport.id } })).toMatchObject({ rows: [], summary: { present: 1, changes: [] } });
    expect(await registerTotals(old.id)).toEqual(before);
    expect(await applyRetention(db, { now: later, settings })).toEqual(zero);
  });

  test("the minute tick runs it, and a wrong setting fails the tick, loudly, touching nothing", async () => {
    const now = new Date(T1.getTime() + 10 * DAY);
    const results = await runDueWork(db, { now, work: (await import("@/lib/scheduling/due-work")).DUE_WORK.filter((item) => item.name === "retention") });
    expect(results.retention).toMatchObject({ ran: true });
    const saved = process.env.RETENTION_SESSION_DAYS;
    process.env.RETENTION_SESSION_DAYS = "una settimana";
    try {
      const runs = await db.retentionRun.count();
      await expect(runDueWork(db, { now: new Date(now.getTime() + DAY), work: (await import("@/lib/scheduling/due-work")).DUE_WORK.filter((item) => item.name === "retention") })).rejects.toThrow(/RETENTION_SESSION_DAYS/);
      expect(await db.retentionRun.count()).toBe(runs);
    } finally {
      if (saved === undefined) delete process.env.RETENTION_SESSION_DAYS;
      else process.env.RETENTION_SESSION_DAYS = saved;
    }
  });
});
