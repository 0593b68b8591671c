import { describe, expect, it } from "vitest";
import { renderStoredEmail } from "@/lib/email/render";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrationRecord, createUser } from "@/lib/test/factories";
import {
  createMessageRule,
  deleteMessageRule,
  runDueMessageRules,
  sendMessageRuleNow,
  setMessageRuleActive,
  updateMessageRule,
} from "./mutations";
import type { MessageRuleInput } from "./schema";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");

const HOUR = 3600_000;
const NOW = new Date("2026-11-26T12:00:00Z");

/** A meeting that started `startedHoursAgo` hours before NOW and lasted two hours. */
function meetingAt(startedHoursAgo: number, status: "PUBLISHED" | "DRAFT" | "CANCELLED" | "ARCHIVED" = "PUBLISHED") {
  const startsAt = new Date(NOW.getTime() - startedHoursAgo * HOUR);
  return createMeeting(db, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), status, title: "Tavolo tecnico sui minori" });
}

const rule = (values: Partial<MessageRuleInput> = {}): MessageRuleInput => ({
  anchor: "AFTER_END",
  offsetMinutes: 60,
  audience: "PRESENT",
  subject: "Grazie {nome}: {incontro}",
  body: "Gentile {nome} {cognome},\n\ngrazie per aver partecipato a **{incontro}** ({data}, {luogo}).",
  active: true,
  ...values,
});

async function addRule(meetingId: string, values: Partial<MessageRuleInput> = {}) {
  const result = await createMessageRule(db, { actor: coordinator, meetingId, ...rule(values) });
  if (!result.ok) throw new Error(result.reason);
  return result.ruleId;
}

const messagesOf = (ruleId: string) =>
  db.emailMessage.findMany({ where: { dedupeKey: { startsWith: `message-rule:${ruleId}:` } }, orderBy: { toEmail: "asc" } });

/** A past meeting with two present, one marked absent, one confirmed with nothing recorded, one waitlisted, one cancelled. */
async function pastMeetingWithAttendance(startedHoursAgo = 4) {
  const meeting = await meetingAt(startedHoursAgo);
  const people = {
    anna: await createRegistrationRecord(db, meeting.id, { firstName: "Anna", lastName: "Presente", email: `anna.${meeting.id}@example.it`, attendance: "PRESENT" }),
    bruno: await createRegistrationRecord(db, meeting.id, { firstName: "Bruno", lastName: "Presente", email: `bruno.${meeting.id}@example.it`, attendance: "PRESENT" }),
    carla: await createRegistrationRecord(db, meeting.id, { firstName: "Carla", lastName: "Assente", email: `carla.${meeting.id}@example.it`, attendance: "ABSENT" }),
    dario: await createRegistrationRecord(db, meeting.id, { firstName: "Dario", lastName: "Nonsegnato", email: `dario.${meeting.id}@example.it` }),
    elena: await createRegistrationRecord(db, meeting.id, { firstName: "Elena", lastName: "Attesa", email: `elena.${meeting.id}@example.it`, status: "WAITLISTED" }),
    franco: await createRegistrationRecord(db, meeting.id, { firstName: "Franco", lastName: "Annullato", email: `franco.${meeting.id}@example.it`, status: "CANCELLED", attendance: "PRESENT" }),
  };
  return { meeting, people };
}

describe("runDueMessageRules", () => {
  it("sends a due rule to its audience once, with the placeholders filled per person, and marks it sent", async () => {
    const { meeting, people } = await pastMeetingWithAttendance();
    const ruleId = await addRule(meeting.id);
    await runDueMessageRules(db, NOW);
    const messages = await messagesOf(ruleId);
    expect(messages.map((m) => m.toEmail)).toEqual([people.anna.person.email, people.bruno.person.email]);
    const anna = messages[0];
    expect(anna).toMatchObject({ template: "meeting-message", meetingId: meeting.id, registrationId: people.anna.id, toName: "Anna Presente" });
    const data = anna.data as Record<string, string>;
    expect(data.subject).toBe("Grazie Anna: Tavolo tecnico sui minori");
    expect(data.body).toContain("Gentile Anna Presente,");
    expect(data.body).toContain("**Tavolo tecnico sui minori**");
    expect(data.audience).toBe("PRESENT");
    expect(data.when).toMatch(/ore \d\d:\d\d–\d\d:\d\d/);
    const stored = await db.meetingMessageRule.findUniqueOrThrow({ where: { id: ruleId } });
    expect(stored).toMatchObject({ sentAt: NOW, recipients: 2 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "message-rule.send", entityId: meeting.id } });
    expect(audit.actorLabel).toBe("invio programmato");
  });

  it("reaches each audience: confirmed, waitlisted, and as absent the confirmed not marked present", async () => {
    const { meeting } = await pastMeetingWithAttendance();
    const confirmed = await addRule(meeting.id, { audience: "CONFIRMED" });
    const waitlisted = await addRule(meeting.id, { audience: "WAITLISTED" });
    const absent = await addRule(meeting.id, { audience: "ABSENT" });
    await runDueMessageRules(db, NOW);
    const emails = async (ruleId: string) => (await messagesOf(ruleId)).map((m) => m.toName);
    expect(await emails(confirmed)).toEqual(["Anna Presente", "Bruno Presente", "Carla Assente", "Dario Nonsegnato"]);
    expect(await emails(waitlisted)).toEqual(["Elena Attesa"]);
    expect((await emails(absent)).sort()).toEqual(["Carla Assente", "Dario Nonsegnato"]);
  });

  it("leaves alone a rule whose time has not come, an inactive one, and those of draft or cancelled meetings", async () => {
    const { meeting } = await pastMeetingWithAttendance(2.5); // ended 30 minutes ago
    const notYet = await addRule(meeting.id, { offsetMinutes: 60 });
    const inactive = await addRule(meeting.id, { offsetMinutes: 0, active: false });
    const future = await meetingAt(-48);
    await createRegistrationRecord(db, future.id);
    const reminder = await addRule(future.id, { anchor: "BEFORE_START", offsetMinutes: 1440, audience: "CONFIRMED" });
    const draft = await meetingAt(4, "DRAFT");
    await createRegistrationRecord(db, draft.id);
    const draftRule = await addRule(draft.id, { audience: "CONFIRMED" });
    const cancelled = await meetingAt(4);
    await createRegistrationRecord(db, cancelled.id);
    const cancelledRule = await addRule(cancelled.id, { audience: "CONFIRMED" });
    await db.meeting.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });

    await runDueMessageRules(db, NOW);
    for (const ruleId of [notYet, inactive, reminder, draftRule, cancelledRule]) {
      expect(await messagesOf(ruleId)).toEqual([]);
      expect((await db.meetingMessageRule.findUniqueOrThrow({ where: { id: ruleId } })).sentAt).toBeNull();
    }
    // A day later the reminder (the day before) and the follow-up are due.
    await runDueMessageRules(db, new Date(NOW.getTime() + 24 * HOUR));
    expect(await messagesOf(reminder)).toHaveLength(1);
    expect(await messagesOf(notYet)).toHaveLength(2);
    expect(await messagesOf(draftRule)).toEqual([]);
    expect(await messagesOf(cancelledRule)).toEqual([]);
  });

  it("a reminder before the start goes late but before the end, never once the meeting is over", async () => {
    const running = await meetingAt(1);
    await createRegistrationRecord(db, running.id);
    const late = await addRule(running.id, { anchor: "BEFORE_START", offsetMinutes: 1440, audience: "CONFIRMED" });
    const over = await meetingAt(5);
    await createRegistrationRecord(db, over.id);
    const missed = await addRule(over.id, { anchor: "BEFORE_START", offsetMinutes: 1440, audience: "CONFIRMED" });
    await runDueMessageRules(db, NOW);
    expect(await messagesOf(late)).toHaveLength(1);
    expect(await messagesOf(missed)).toEqual([]);
  });

  it("a rule for presenti waits while no attendance is recorded, and goes once some is", async () => {
    const meeting = await meetingAt(4);
    const registration = await createRegistrationRecord(db, meeting.id);
    const ruleId = await addRule(meeting.id);
    await runDueMessageRules(db, NOW);
    expect((await db.meetingMessageRule.findUniqueOrThrow({ where: { id: ruleId } })).sentAt).toBeNull();
    await db.attendance.create({ data: { registrationId: registration.id, status: "PRESENT", method: "MANUAL" } });
    await runDueMessageRules(db, NOW);
    expect(await messagesOf(ruleId)).toHaveLength(1);
  });

  it("a due rule with nobody in its audience is marked sent to 0 people", async () => {
    const { meeting } = await pastMeetingWithAttendance();
    await db.registration.updateMany({ where: { meetingId: meeting.id, status: "WAITLISTED" }, data: { status: "CANCELLED" } });
    const ruleId = await addRule(meeting.id, { audience: "WAITLISTED" });
    await runDueMessageRules(db, NOW);
    expect(await db.meetingMessageRule.findUniqueOrThrow({ where: { id: ruleId } })).toMatchObject({ sentAt: NOW, recipients: 0 });
  });

  it("run twice, or twice at once, sends one email per recipient", async () => {
    const { meeting } = await pastMeetingWithAttendance();
    const ruleId = await addRule(meeting.id, { audience: "CONFIRMED" });
    const runs = await Promise.all([runDueMessageRules(db, NOW), runDueMessageRules(db, NOW), runDueMessageRules(db, NOW)]);
    await runDueMessageRules(db, new Date(NOW.getTime() + HOUR));
    expect(await messagesOf(ruleId)).toHaveLength(4);
    const forThisRule = runs.filter((run) => run.emails > 0);
    expect(forThisRule.reduce((sum, run) => sum + run.emails, 0)).toBe(4);
    expect(await db.auditEntry.count({ where: { action: "message-rule.send", entityId: meeting.id } })).toBe(1);
    const jobs = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job WHERE data->>'messageId' IN (SELECT id::text FROM "EmailMessage" WHERE "dedupeKey" LIKE ${`message-rule:${ruleId}:%`})`;
    expect(Number(jobs[0].count)).toBe(4);
  });
});

describe("sendMessageRuleNow", () => {
  it("sends at once, whatever the rule's time, and only once", async () => {
    const { meeting } = await pastMeetingWithAttendance(1);
    const ruleId = await addRule(meeting.id, { offsetMinutes: 2 * 1440 });
    const [first, second] = await Promise.all([
      sendMessageRuleNow(db, { actor: coordinator, meetingId: meeting.id, ruleId, now: NOW }),
      sendMessageRuleNow(db, { actor: coordinator, meetingId: meeting.id, ruleId, now: NOW }),
    ]);
    expect([first, second].filter((result) => result.ok)).toEqual([{ ok: true, recipients: 2 }]);
    expect([first, second].filter((result) => !result.ok)).toEqual([{ ok: false, reason: "ALREADY_SENT" }]);
    expect(await messagesOf(ruleId)).toHaveLength(2);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "message-rule.send", entityId: meeting.id } });
    expect(audit.actorId).toBe(coordinator.id);
    await runDueMessageRules(db, new Date(NOW.getTime() + 5 * 24 * HOUR));
    expect(await messagesOf(ruleId)).toHaveLength(2);
  });

  it("refuses a cancelled or draft meeting, presenti without attendance, an empty audience, another meeting's rule", async () => {
    const cancelled = await meetingAt(4);
    await createRegistrationRecord(db, cancelled.id);
    const cancelledRule = await addRule(cancelled.id, { audience: "CONFIRMED" });
    await db.meeting.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    expect(await sendMessageRuleNow(db, { actor: coordinator, meetingId: cancelled.id, ruleId: cancelledRule })).toEqual({
      ok: false,
      reason: "MEETING_CANCELLED",
    });

    const draft = await meetingAt(-48, "DRAFT");
    const draftRule = await addRule(draft.id, { audience: "CONFIRMED", anchor: "BEFORE_START" });
    expect(await sendMessageRuleNow(db, { actor: coordinator, meetingId: draft.id, ruleId: draftRule })).toEqual({ ok: false, reason: "MEETING_DRAFT" });

    const unrecorded = await meetingAt(4);
    await createRegistrationRecord(db, unrecorded.id);
    const presentRule = await addRule(unrecorded.id);
    expect(await sendMessageRuleNow(db, { actor: coordinator, meetingId: unrecorded.id, ruleId: presentRule })).toEqual({ ok: false, reason: "NO_ATTENDANCE" });
    const waitlistRule = await addRule(unrecorded.id, { audience: "WAITLISTED" });
    expect(await sendMessageRuleNow(db, { actor: coordinator, meetingId: unrecorded.id, ruleId: waitlistRule })).toEqual({
      ok: false,
      reason: "NO_RECIPIENTS",
    });
    expect(await sendMessageRuleNow(db, { actor: coordinator, meetingId: cancelled.id, ruleId: waitlistRule })).toEqual({
      ok: false,
      reason: "RULE_NOT_FOUND",
    });
    expect(await db.emailMessage.count({ where: { meetingId: { in: [cancelled.id, draft.id, unrecorded.id] } } })).toBe(0);
  });
});

describe("the join link", () => {
  it("is never added; pasted by the coordinator it goes as written, marked private so logs redact it, and never in the audit", async () => {
    const joinUrl = "https://zoom.us/j/123456789?pwd=Riservato";
    const { meeting } = await pastMeetingWithAttendance();
    await db.meeting.update({ where: { id: meeting.id }, data: { joinUrl } });
    const plain = await addRule(meeting.id, { audience: "CONFIRMED" });
    const pasted = await addRule(meeting.id, { audience: "PRESENT", body: `La registrazione è allo stesso link: ${joinUrl}` });
    await runDueMessageRules(db, NOW);
    for (const message of await messagesOf(plain)) {
      expect(JSON.stringify(message.data)).not.toContain("zoom.us");
      expect((await renderStoredEmail(message.template, message.data)).text).not.toContain("zoom.us");
    }
    const [first] = await messagesOf(pasted);
    expect((first.data as { joinUrl?: string }).joinUrl).toBe(joinUrl);
    const rendered = await renderStoredEmail(first.template, first.data);
    expect(rendered.text).toContain(joinUrl);
    expect(rendered.privateUrls).toEqual([joinUrl]);
    const audit = await db.auditEntry.findMany({ where: { entityId: meeting.id } });
    expect(JSON.stringify(audit)).not.toContain("zoom.us");
  });
});

describe("the coordinators' writes", () => {
  it("add, edit, deactivate and delete an unsent rule, each audited; a sent rule is read-only", async () => {
    const { meeting } = await pastMeetingWithAttendance();
    const ruleId = await addRule(meeting.id, { offsetMinutes: 2 * 1440 });
    expect(await updateMessageRule(db, { actor: coordinator, meetingId: meeting.id, ruleId, ...rule({ subject: "Nuovo oggetto" }) })).toEqual({
      ok: true,
      ruleId,
    });
    expect(await setMessageRuleActive(db, { actor: coordinator, meetingId: meeting.id, ruleId, active: false })).toEqual({ ok: true, ruleId });
    expect(await db.meetingMessageRule.findUniqueOrThrow({ where: { id: ruleId } })).toMatchObject({ subject: "Nuovo oggetto", active: false });
    expect(await setMessageRuleActive(db, { actor: coordinator, meetingId: meeting.id, ruleId, active: true })).toEqual({ ok: true, ruleId });

    await sendMessageRuleNow(db, { actor: coordinator, meetingId: meeting.id, ruleId });
    expect(await updateMessageRule(db, { actor: coordinator, meetingId: meeting.id, ruleId, ...rule() })).toEqual({ ok: false, reason: "ALREADY_SENT" });
    expect(await setMessageRuleActive(db, { actor: coordinator, meetingId: meeting.id, ruleId, active: false })).toEqual({ ok: false, reason: "ALREADY_SENT" });
    expect(await deleteMessageRule(db, { actor: coordinator, meetingId: meeting.id, ruleId })).toEqual({ ok: false, reason: "ALREADY_SENT" });

    const other = await addRule(meeting.id);
    expect(await deleteMessageRule(db, { actor: coordinator, meetingId: meeting.id, ruleId: other })).toEqual({ ok: true, ruleId: other });
    expect(await db.meetingMessageRule.count({ where: { id: other } })).toBe(0);

    const actions = await db.auditEntry.findMany({ where: { entityId: meeting.id, actorId: coordinator.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((entry) => entry.action)).toEqual([
      "message-rule.create",
      "message-rule.update",
      "message-rule.deactivate",
      "message-rule.activate",
      "message-rule.send",
      "message-rule.create",
      "message-rule.delete",
    ]);
    const created = await db.auditEntry.findFirstOrThrow({ where: { entityId: meeting.id, action: "message-rule.create" } });
    expect(created.data).toMatchObject({ after: { when: "2 giorni dopo la fine", audience: "Presenti", active: true } });
  });

  it("adds no rule to a cancelled or unknown meeting", async () => {
    const meeting = await meetingAt(-48, "CANCELLED");
    expect(await createMessageRule(db, { actor: coordinator, meetingId: meeting.id, ...rule() })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await createMessageRule(db, { actor: coordinator, meetingId: "00000000-0000-4000-8000-000000000000", ...rule() })).toEqual({
      ok: false,
      reason: "MEETING_NOT_FOUND",
    });
  });
});
