import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { createMeeting, createUser, queueMeetingEmails, registrationInput } from "../../test/factories";
import { hashToken } from "../../platform/security/tokens";
import { cancelMeeting } from "../../meetings/mutations";
import { CANCELLED_REGISTRATION, register } from "../mutations";
import {
  cancelByCoordinator,
  confirmFromWaitingList,
  recordRegistrationsExport,
  registerOnBehalf,
  resendPersonalLinks,
  setAttendance,
} from "./mutations";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");
const actor = { id: coordinator.id };

/** A meeting with `capacity` seats and `people` registrations, in arrival order. */
async function meetingWith(capacity: number | null, people: number) {
  const meeting = await createMeeting(db, { capacity });
  const ids: string[] = [];
  const emails: string[] = [];
  for (let i = 0; i < people; i++) {
    const input = registrationInput();
    const result = await register(db, { slug: meeting.slug, ...input });
    if (!result.ok) throw new Error(result.reason);
    ids.push(result.registrationId);
    emails.push(input.email);
  }
  return { meeting, ids, emails };
}

const statuses = async (ids: string[]) => {
  const rows = await db.registration.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  return ids.map((id) => rows.find((row) => row.id === id)?.status);
};
const templatesTo = async (email: string) =>
  (await db.emailMessage.findMany({ where: { toEmail: email }, orderBy: { createdAt: "asc" } })).map((row) => row.template);
const audit = (action: string, entityIds: string[]) =>
  db.auditEntry.findMany({ where: { action, entityId: { in: entityIds } }, orderBy: { createdAt: "asc" } });

describe("confirmFromWaitingList", () => {
  it("confirms one waitlisted person into a free seat and tells them", async () => {
    const { meeting, ids, emails } = await meetingWith(1, 2);
    await db.meeting.update({ where: { id: meeting.id }, data: { capacity: 2 } });
    expect(await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: [ids[1]] })).toEqual({
      ok: true,
      changed: [ids[1]],
      skipped: [],
    });
    expect(await statuses(ids)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await templatesTo(emails[1])).toEqual(["registration-waitlisted", "registration-promoted"]);
    const entries = await audit("registration.confirm", [ids[1]]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: coordinator.id, entityType: "Registration" });
    expect(entries[0].data).toMatchObject({ before: { status: "WAITLISTED" }, after: { status: "CONFIRMED" } });
  });

  it("refuses a selection larger than the seats left, unless told to confirm over the capacity", async () => {
    const { meeting, ids, emails } = await meetingWith(2, 5); // 2 confirmed, 3 waiting
    await db.meeting.update({ where: { id: meeting.id }, data: { capacity: 3 } }); // one seat free
    const waiting = ids.slice(2);
    expect(await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: waiting })).toEqual({
      ok: false,
      reason: "FULL",
      freeSeats: 1,
      requested: 3,
    });
    expect(await statuses(waiting)).toEqual(["WAITLISTED", "WAITLISTED", "WAITLISTED"]);
    expect(await templatesTo(emails[2])).toEqual(["registration-waitlisted"]);

    // A selection with the confirmed ones too: they are skipped, not counted.
    const result = await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: [ids[0], ids[2], ids[2]] });
    expect(result).toEqual({ ok: true, changed: [ids[2]], skipped: [{ id: ids[0], reason: "NOT_WAITLISTED" }] });
    expect(await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: [ids[3]] })).toMatchObject({ ok: false, reason: "FULL", freeSeats: 0 });

    const over = await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: [ids[3], ids[4]], overCapacity: true });
    expect(over).toMatchObject({ ok: true, changed: [ids[3], ids[4]] });
    expect(await db.registration.count({ where: { meetingId: meeting.id, status: "CONFIRMED" } })).toBe(5);
    const entries = await audit("registration.confirm", [ids[3], ids[4]]);
    expect(entries.map((entry) => (entry.data as { details: { overCapacity: boolean } }).details.overCapacity)).toEqual([true, true]);
    expect(await templatesTo(emails[4])).toEqual(["registration-waitlisted", "registration-promoted"]);
  });

  it("ignores ids of another meeting and refuses an empty selection or an unknown meeting", async () => {
    const { meeting } = await meetingWith(1, 1);
    const other = await meetingWith(1, 2);
    expect(await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: [other.ids[1]] })).toEqual({
      ok: true,
      changed: [],
      skipped: [{ id: other.ids[1], reason: "NOT_FOUND" }],
    });
    expect(await statuses([other.ids[1]])).toEqual(["WAITLISTED"]);
    expect(await confirmFromWaitingList(db, { actor, meetingId: meeting.id, ids: [] })).toEqual({ ok: false, reason: "NOTHING_SELECTED" });
    expect(await confirmFromWaitingList(db, { actor, meetingId: "00000000-0000-4000-8000-000000000000", ids: [other.ids[1]] })).toEqual({
      ok: false,
      reason: "MEETING_NOT_FOUND",
    });
  });
});

describe("cancelByCoordinator", () => {
  it("cancels one confirmed registration: the first waitlisted person is promoted and emailed", async () => {
    const { meeting, ids, emails } = await meetingWith(1, 3);
    const result = await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids: [ids[0]] });
    expect(result).toEqual({ ok: true, changed: [ids[0]], skipped: [], promoted: [ids[1]] });
    expect(await statuses(ids)).toEqual(["CANCELLED", "CONFIRMED", "WAITLISTED"]);
    expect(await templatesTo(emails[0])).toEqual(["registration-confirmed", "registration-cancelled"]);
    expect(await templatesTo(emails[1])).toEqual(["registration-waitlisted", "registration-promoted"]);
    expect(await templatesTo(emails[2])).toEqual(["registration-waitlisted"]);
    expect(await audit("registration.cancel", [ids[0]])).toHaveLength(1);
    expect(await audit("registration.promote", [ids[1]])).toHaveLength(1);
  });

  it("cancels a selection before promoting, so nobody selected is promoted, and each seat goes once", async () => {
    const { meeting, ids, emails } = await meetingWith(2, 5); // C C W W W
    const result = await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids: [ids[0], ids[1], ids[2], ids[0]] });
    expect(result).toEqual({ ok: true, changed: [ids[0], ids[1], ids[2]], skipped: [], promoted: [ids[3], ids[4]] });
    expect(await statuses(ids)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED", "CONFIRMED", "CONFIRMED"]);
    expect(await templatesTo(emails[2])).toEqual(["registration-waitlisted", "registration-cancelled"]);
    expect(await templatesTo(emails[0])).toEqual(["registration-confirmed", "registration-cancelled"]);
    expect(await audit("registration.cancel", ids)).toHaveLength(3);

    const again = await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids: [ids[0]] });
    expect(again).toEqual({ ok: true, changed: [], skipped: [{ id: ids[0], reason: "ALREADY_CANCELLED" }], promoted: [] });
    expect(await templatesTo(emails[0])).toEqual(["registration-confirmed", "registration-cancelled"]);
  });

  it("withdraws the join link and the reminder still queued for whoever is cancelled, and only theirs", async () => {
    const { meeting, ids } = await meetingWith(null, 2);
    const [cancelledLink, cancelledReminder] = await queueMeetingEmails(db, ids[0]);
    const [keptLink, keptReminder] = await queueMeetingEmails(db, ids[1]);
    expect(await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids: [ids[0]] })).toMatchObject({ ok: true, changed: [ids[0]] });
    const status = async (id: string) => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(cancelledLink), await status(cancelledReminder)]).toEqual(["CANCELLED", "CANCELLED"]);
    expect([await status(keptLink), await status(keptReminder)]).toEqual(["PENDING", "PENDING"]);
    expect(await db.emailMessage.findFirstOrThrow({ where: { id: cancelledLink } })).toMatchObject({ lastError: CANCELLED_REGISTRATION });
  });

  it("refuses once the meeting is over", async () => {
    const { meeting, ids } = await meetingWith(null, 1);
    const later = new Date(meeting.endsAt.getTime() + 1000);
    expect(await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids, now: later })).toEqual({ ok: false, reason: "MEETING_OVER" });
    expect(await statuses(ids)).toEqual(["CONFIRMED"]);
  });
});

describe("registerOnBehalf", () => {
  it("registers with source COORDINATOR and emails the confirmation with the personal link, once", async () => {
    const meeting = await createMeeting(db, { capacity: 1 });
    const input = registrationInput();
    const result = await registerOnBehalf(db, { actor, meetingId: meeting.id, registration: input });
    expect(result).toMatchObject({ ok: true, status: "CONFIRMED" });
    if (!result.ok) return;
    const row = await db.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
    expect(row.source).toBe("COORDINATOR");
    const emails = await db.emailMessage.findMany({ where: { toEmail: input.email } });
    expect(emails.map((email) => email.template)).toEqual(["registration-confirmed"]);
    expect(JSON.stringify(emails[0].data)).toMatch(/\/iscrizione\/[A-Za-z0-9_-]{43}/);
    const entries = await audit("registration.create-on-behalf", [result.registrationId]);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0].data)).not.toContain(row.tokenHash);

    // The same person again: reported, nothing created, nothing sent.
    expect(await registerOnBehalf(db, { actor, meetingId: meeting.id, registration: input })).toEqual({ ok: false, reason: "ALREADY_REGISTERED" });
    expect(await db.emailMessage.count({ where: { toEmail: input.email } })).toBe(1);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(1);

    // Full: the next one waits, and is told so.
    const next = await registerOnBehalf(db, { actor, meetingId: meeting.id, registration: registrationInput() });
    expect(next).toMatchObject({ ok: true, status: "WAITLISTED" });
  });

  it("is not bound by the registration window, but refuses a cancelled meeting or one that is over", async () => {
    const now = new Date();
    const closed = await createMeeting(db, { registrationClosesAt: new Date(now.getTime() - 1000) });
    expect(await registerOnBehalf(db, { actor, meetingId: closed.id, registration: registrationInput(), now })).toMatchObject({ ok: true });
    const cancelled = await createMeeting(db, { status: "CANCELLED" });
    expect(await registerOnBehalf(db, { actor, meetingId: cancelled.id, registration: registrationInput(), now })).toEqual({
      ok: false,
      reason: "MEETING_CANCELLED",
    });
    const past = await createMeeting(db, { startsAt: new Date(now.getTime() - 7200_000), endsAt: new Date(now.getTime() - 3600_000) });
    expect(await registerOnBehalf(db, { actor, meetingId: past.id, registration: registrationInput(), now })).toEqual({
      ok: false,
      reason: "REGISTRATION_CLOSED",
    });
    expect(await db.auditEntry.count({ where: { action: "registration.create-on-behalf", data: { path: ["details", "meetingId"], equals: past.id } } })).toBe(0);
  });
});

describe("resendPersonalLinks", () => {
  it("sends a new link to each selected person once; the old link stops working; cancelled ones are skipped", async () => {
    const { meeting, ids, emails } = await meetingWith(null, 3);
    await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids: [ids[2]] });
    const before = await db.registration.findMany({ where: { id: { in: ids } }, select: { id: true, tokenHash: true } });
    const result = await resendPersonalLinks(db, { actor, meetingId: meeting.id, ids: [ids[0], ids[1], ids[1], ids[2]] });
    expect(result).toEqual({ ok: true, changed: [ids[0], ids[1]], skipped: [{ id: ids[2], reason: "CANCELLED" }] });
    const after = await db.registration.findMany({ where: { id: { in: ids } }, select: { id: true, tokenHash: true, tokenRevokedAt: true } });
    for (const id of ids.slice(0, 2)) {
      const old = before.find((row) => row.id === id)!.tokenHash;
      const now = after.find((row) => row.id === id)!;
      expect(now.tokenHash).not.toBe(old);
      expect(await db.registration.count({ where: { tokenHash: old } })).toBe(0);
    }
    expect(await templatesTo(emails[1])).toEqual(["registration-confirmed", "personal-link"]);
    expect(await templatesTo(emails[2])).toEqual(["registration-confirmed", "registration-cancelled"]);
    // The emailed link is the one whose hash is stored.
    const [message] = await db.emailMessage.findMany({ where: { toEmail: emails[0], template: "personal-link" } });
    const token = /\/iscrizione\/([A-Za-z0-9_-]{43})/.exec(JSON.stringify(message.data))![1];
    expect(hashToken(token)).toBe(after.find((row) => row.id === ids[0])!.tokenHash);
    const entries = await audit("registration.resend-link", ids);
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(token);
  });
});

describe("setAttendance", () => {
  it("checks in, marks present or absent, on one row or a selection, recording who and when", async () => {
    const { meeting, ids } = await meetingWith(2, 3); // C C W
    const arrival = new Date("2026-05-04T07:30:00Z");
    expect(await setAttendance(db, { actor, meetingId: meeting.id, ids: [ids[0]], mark: "CHECK_IN", now: arrival })).toEqual({
      ok: true,
      changed: [ids[0]],
      skipped: [],
    });
    const checkedIn = await db.attendance.findUniqueOrThrow({ where: { registrationId: ids[0] } });
    expect(checkedIn).toMatchObject({ status: "PRESENT", method: "CHECK_IN", checkedInAt: arrival, recordedById: coordinator.id });

    // A second check-in keeps the first arrival time and changes nothing.
    const again = await setAttendance(db, { actor, meetingId: meeting.id, ids: [ids[0]], mark: "CHECK_IN", now: new Date() });
    expect(again).toEqual({ ok: true, changed: [], skipped: [{ id: ids[0], reason: "UNCHANGED" }] });

    const bulk = await setAttendance(db, { actor, meetingId: meeting.id, ids: [ids[1], ids[2]], mark: "PRESENT" });
    expect(bulk).toEqual({ ok: true, changed: [ids[1], ids[2]], skipped: [] });
    expect(await db.attendance.findUniqueOrThrow({ where: { registrationId: ids[1] } })).toMatchObject({
      status: "PRESENT",
      method: "MANUAL",
      checkedInAt: null,
    });

    const absent = await setAttendance(db, { actor, meetingId: meeting.id, ids: [ids[0], ids[1]], mark: "ABSENT" });
    expect(absent).toMatchObject({ ok: true, changed: [ids[0], ids[1]] });
    expect(await db.attendance.findUniqueOrThrow({ where: { registrationId: ids[0] } })).toMatchObject({
      status: "ABSENT",
      method: "MANUAL",
      checkedInAt: null,
    });
    const entries = await db.auditEntry.findMany({ where: { entityId: ids[0], action: { in: ["registration.check-in", "registration.attendance"] } }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["registration.check-in", "registration.attendance"]);
    expect(entries[1].data).toMatchObject({ before: { status: "PRESENT", method: "CHECK_IN" }, after: { status: "ABSENT" } });
    expect(await db.emailMessage.count({ where: { template: { notIn: ["registration-confirmed", "registration-waitlisted"] }, meetingId: meeting.id } })).toBe(0);
  });

  it("skips cancelled registrations", async () => {
    const { meeting, ids } = await meetingWith(null, 1);
    await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids });
    expect(await setAttendance(db, { actor, meetingId: meeting.id, ids, mark: "PRESENT" })).toEqual({
      ok: true,
      changed: [],
      skipped: [{ id: ids[0], reason: "CANCELLED" }],
    });
    expect(await db.attendance.count({ where: { registrationId: ids[0] } })).toBe(0);
  });
});

describe("a failure rolls everything back", () => {
  it("leaves no status change, email or audit entry when the transaction fails midway", async () => {
    const { meeting, ids, emails } = await meetingWith(1, 2);
    const auditBefore = await db.auditEntry.count();
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEntry" ADD CONSTRAINT test_no_promote CHECK (action <> 'registration.promote') NOT VALID`);
    try {
      await expect(cancelByCoordinator(db, { actor, meetingId: meeting.id, ids: [ids[0]] })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "AuditEntry" DROP CONSTRAINT test_no_promote`);
    }
    expect(await statuses(ids)).toEqual(["CONFIRMED", "WAITLISTED"]);
    expect(await templatesTo(emails[0])).toEqual(["registration-confirmed"]);
    expect(await templatesTo(emails[1])).toEqual(["registration-waitlisted"]);
    expect(await db.auditEntry.count()).toBe(auditBefore);
  });
});

describe("recordRegistrationsExport", () => {
  it("writes who exported what, with the filters and the row count", async () => {
    const meeting = await createMeeting(db);
    await recordRegistrationsExport(db, { actor, meetingId: meeting.id, format: "csv", rows: 3, filters: { q: "rossi" } });
    const [entry] = await db.auditEntry.findMany({ where: { action: "registration.export", entityId: meeting.id } });
    expect(entry).toMatchObject({ actorId: coordinator.id, entityType: "Meeting", data: { details: { format: "csv", rows: 3, filters: { q: "rossi" } } } });
  });
});

describe("a cancelled meeting", () => {
  it("refuses cancelling registrations or resending links: its registrants were told once, by the cancellation", async () => {
    const { meeting, ids, emails } = await meetingWith(1, 2);
    const cancelled = await cancelMeeting(db, { actor, id: meeting.id, reason: "Il relatore non potrà essere presente." });
    expect(cancelled.ok).toBe(true);
    const before = await Promise.all(emails.map(templatesTo));
    expect(before.map((templates) => templates.filter((t) => t === "meeting-cancelled"))).toEqual([["meeting-cancelled"], ["meeting-cancelled"]]);

    expect(await cancelByCoordinator(db, { actor, meetingId: meeting.id, ids })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await resendPersonalLinks(db, { actor, meetingId: meeting.id, ids })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await Promise.all(emails.map(templatesTo))).toEqual(before);
    expect(await statuses(ids)).toEqual(["CONFIRMED", "WAITLISTED"]);
  });
});
