import { describe, expect, it } from "vitest";
import { markEmailFailed, markEmailSent } from "../email/mutations";
import { renderEmail } from "../email/render";
import { SAMPLE_DATA } from "../test/email-fixtures";
import { cancelRegistration, register } from "../registrations/mutations";
import { createTestDatabase } from "../test/database";
import { createMeeting, createMunicipalityIn, createReferent, registrationInput } from "../test/factories";
import { addUser } from "../users/mutations";
import { sendCoverageReminders } from "./mutations";
import { getMeetingCoverage, getReminderProgress } from "./queries";

const { db } = await createTestDatabase();

const HOUR = 3600_000;
const { user: coordinator } = await addUser(db, { actor: { label: "test" }, email: "coordinatrice@anci.example.it", role: "COORDINATOR" });

// The fixture: five SAI municipalities in three provinces and one that is not SAI.
const meeting = await createMeeting(db);
const other = await createMeeting(db);
const registered = await createMunicipalityIn(db, { name: "Bagheria", province: "PA" });
const withReferents = await createMunicipalityIn(db, { name: "Monreale", province: "PA" });
const nobody = await createMunicipalityIn(db, { name: "Acireale", province: "CT" });
const onlyRevoked = await createMunicipalityIn(db, { name: "Paternò", province: "CT" });
const sharedReferent = await createMunicipalityIn(db, { name: "Erice", province: "TP" });
const notSai = await createMunicipalityIn(db, { name: "Cefalù", province: "PA", saiMember: false });

const forMunicipality = (municipalityId: string, email?: string) =>
  registrationInput({ organisationType: "COMUNE", municipalityId, ...(email ? { email } : {}) });

// Bagheria registered (and has a referent, who is not chased).
await register(db, { slug: meeting.slug, ...forMunicipality(registered.id) });
await createReferent(db, registered.id, { email: "referente@bagheria.example.it" });
// Monreale: two active referents, one shared with Erice; a registration that was cancelled.
await createReferent(db, withReferents.id, { email: "uno@monreale.example.it", firstName: "Uno" });
await createReferent(db, withReferents.id, { email: "doppio@example.it", firstName: "Doppio" });
await createReferent(db, sharedReferent.id, { email: "doppio@example.it" });
const cancelled = await register(db, { slug: meeting.slug, ...forMunicipality(withReferents.id) });
if (!cancelled.ok) throw new Error("expected a registration");
await cancelRegistration(db, { token: cancelled.token });
// Acireale registered for another meeting only; Paternò's only referent was revoked.
await register(db, { slug: other.slug, ...forMunicipality(nobody.id) });
await createReferent(db, onlyRevoked.id, { email: "revocato@paterno.example.it", status: "REVOKED" });
// Cefalù is not SAI: its referent is never chased, its registration never counted.
await createReferent(db, notSai.id, { email: "referente@cefalu.example.it" });

const reminders = (meetingId: string) =>
  db.emailMessage.findMany({ where: { meetingId, template: "coverage-reminder" }, orderBy: { toEmail: "asc" } });

describe("coverage of a meeting", () => {
  it("classifies each SAI municipality as registered, referent only or missing, by province; cancelled registrations and non-SAI municipalities do not count", async () => {
    const coverage = await getMeetingCoverage(db, meeting.id);
    expect(coverage.totals).toEqual({ total: 5, registered: 1, referentOnly: 2, missing: 2, percent: 20 });
    expect(coverage.provinces.map((p) => [p.provinceName, p.total, p.registered, p.referentOnly, p.missing, p.percent])).toEqual([
      ["Catania", 2, 0, 0, 2, 0],
      ["Palermo", 2, 1, 1, 0, 50],
      ["Trapani", 1, 0, 1, 0, 0],
    ]);
    const states = Object.fromEntries(coverage.provinces.flatMap((p) => p.municipalities.map((m) => [m.name, m.state])));
    expect(states).toEqual({
      Acireale: "MISSING",
      Paternò: "MISSING",
      Bagheria: "REGISTERED",
      Monreale: "REFERENT_ONLY",
      Erice: "REFERENT_ONLY",
    });
    const monreale = coverage.provinces[1].municipalities.find((m) => m.name === "Monreale");
    expect(monreale?.referents.map((r) => r.email).sort()).toEqual(["doppio@example.it", "uno@monreale.example.it"]);
  });

  it("counts a registration only for its own meeting", async () => {
    const coverage = await getMeetingCoverage(db, other.id);
    expect(coverage.totals).toMatchObject({ total: 5, registered: 1 });
    expect(coverage.provinces[0].municipalities.find((m) => m.name === "Acireale")?.state).toBe("REGISTERED");
  });
});

describe("coverage reminders", () => {
  it("emails each active referent of the SAI municipalities not registered, once per person, with an audit entry", async () => {
    const result = await sendCoverageReminders(db, { actor: coordinator, meetingId: meeting.id });
    expect(result).toEqual({ ok: true, sent: 2, skipped: 0 });

    const sent = await reminders(meeting.id);
    expect(sent.map((message) => [message.toEmail, message.status])).toEqual([
      ["doppio@example.it", "PENDING"],
      ["uno@monreale.example.it", "PENDING"],
    ]);
    const data = sent[0].data as Record<string, unknown>;
    expect(data).toMatchObject({
      recipientName: "Doppio",
      meetingTitle: meeting.title,
      municipalityNames: ["Erice", "Monreale"],
      meetingUrl: expect.stringMatching(new RegExp(`/convocazioni/${meeting.slug}$`)),
      registrationUrl: expect.stringMatching(new RegExp(`/convocazioni/${meeting.slug}/iscrizione$`)),
      invitesManagingBodies: true,
    });

    const audit = await db.auditEntry.findMany({ where: { action: "meeting.coverage-reminders", entityId: meeting.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: coordinator.id, entityType: "Meeting", data: { details: { sent: 2, skipped: 0, municipalities: 2 } } });
  });

  it("a second click within 24 hours sends nothing again; a day later it reminds again", async () => {
    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: meeting.id })).toEqual({ ok: true, sent: 0, skipped: 2 });
    const first = await reminders(meeting.id);
    expect(first).toHaveLength(2);
    expect(await db.auditEntry.count({ where: { action: "meeting.coverage-reminders" } })).toBe(1);

    const tomorrow = new Date(Date.now() + 25 * HOUR);
    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: meeting.id, now: tomorrow })).toEqual({ ok: true, sent: 2, skipped: 0 });
    expect(await reminders(meeting.id)).toHaveLength(4);
    // Back to the first send for the progress test below.
    await db.emailMessage.deleteMany({
      where: { meetingId: meeting.id, template: "coverage-reminder", id: { notIn: first.map((message) => message.id) } },
    });
  });

  it("clicks at the same moment send each reminder once", async () => {
    const fresh = await createMeeting(db);
    const results = await Promise.all([1, 2, 3].map(() => sendCoverageReminders(db, { actor: coordinator, meetingId: fresh.id })));
    // Nobody registered for it yet: Bagheria's referent is reminded too.
    expect(results.map((result) => (result.ok ? result.sent : -1)).sort()).toEqual([0, 0, 3]);
    expect(await reminders(fresh.id)).toHaveLength(3);
  });

  it("refuses a meeting whose registrations are not open, or an unknown one, writing nothing", async () => {
    const closed = await createMeeting(db, { registrationClosesAt: new Date(Date.now() - HOUR) });
    const draft = await createMeeting(db, { status: "DRAFT" });
    const before = await db.emailMessage.count();
    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: closed.id })).toEqual({ ok: false, reason: "REGISTRATION_NOT_OPEN" });
    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: draft.id })).toEqual({ ok: false, reason: "REGISTRATION_NOT_OPEN" });
    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      reason: "MEETING_NOT_FOUND",
    });
    expect(await db.emailMessage.count()).toBe(before);
  });

  it("refuses a full meeting: the reminded could only join the waiting list", async () => {
    const full = await createMeeting(db, { capacity: 1 });
    await register(db, { slug: full.slug, ...registrationInput() });
    const before = await db.emailMessage.count();
    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: full.id })).toEqual({ ok: false, reason: "MEETING_FULL" });
    expect(await db.emailMessage.count()).toBe(before);
  });

  it("progress counts the reminders waiting, sent and failed", async () => {
    expect(await getReminderProgress(db, { meetingId: meeting.id, now: new Date() })).toEqual({ pending: 2, sent: 0, failed: 0, total: 2 });
    const [first, second] = await reminders(meeting.id);
    await markEmailSent(db, { id: first.id, delivery: { transport: "outbox", providerId: "prova" } });
    await markEmailFailed(db, { id: second.id, error: "casella inesistente" });
    expect(await getReminderProgress(db, { meetingId: meeting.id, now: new Date() })).toEqual({ pending: 0, sent: 1, failed: 1, total: 2 });
    // Withdrawn (the meeting cancelled meanwhile): no longer one of them, and no error.
    await db.emailMessage.update({ where: { id: second.id }, data: { status: "CANCELLED" } });
    expect(await getReminderProgress(db, { meetingId: meeting.id, now: new Date() })).toEqual({ pending: 0, sent: 1, failed: 0, total: 1 });
    // Older than the window: no longer this send's progress.
    expect(await getReminderProgress(db, { meetingId: meeting.id, now: new Date(Date.now() + 25 * HOUR) })).toEqual({
      pending: 0,
      sent: 0,
      failed: 0,
      total: 0,
    });
  });
});

describe("the coverage-reminder email", () => {
  it("names the municipalities, links to the registration form and asks to nominate the enti gestori", async () => {
    const email = await renderEmail("coverage-reminder", SAMPLE_DATA["coverage-reminder"]);
    expect(email.subject).toBe("Promemoria iscrizione: Tavolo tecnico del Coordinamento dei Comuni SAI");
    expect(email.text).toContain("referente dei Comuni di Palermo e Monreale");
    expect(email.text).toContain("http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24/iscrizione");
    expect(email.text).toContain("entro mercoledì 23 marzo 2022, ore 12:00");
    expect(email.text).toContain("rappresentanti degli enti gestori");
    const single = await renderEmail("coverage-reminder", { ...SAMPLE_DATA["coverage-reminder"], municipalityNames: ["Erice"], invitesManagingBodies: false });
    expect(single.text).toContain("referente del Comune di Erice");
    expect(single.text).not.toContain("enti gestori");
  });
});

describe("a gestore registered for a Comune", () => {
  it("does not answer for the Comune: coverage does not count it registered and its referent is still reminded", async () => {
    const own = await createMeeting(db);
    const alone = await createMunicipalityIn(db, { name: "Alcamo", province: "TP" });
    await createReferent(db, alone.id, { email: "referente@alcamo.example.it" });
    const gestore = await register(db, {
      slug: own.slug,
      ...registrationInput({ organisationType: "ENTE_GESTORE", organisationName: "Cooperativa Alfa", municipalityId: alone.id }),
    });
    expect(gestore.ok).toBe(true);
    const coverage = await getMeetingCoverage(db, own.id);
    const state = coverage.provinces.flatMap((p) => p.municipalities).find((m) => m.id === alone.id)?.state;
    expect(state).toBe("REFERENT_ONLY");
    await sendCoverageReminders(db, { actor: coordinator, meetingId: own.id });
    expect((await reminders(own.id)).map((email) => email.toEmail)).toContain("referente@alcamo.example.it");
  });
});
