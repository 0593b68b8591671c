// The join link's scheduling on a real PostgreSQL: which sends are due at a
// given moment, catching up after downtime, never after the start, never
// twice (run twice, or concurrently), a changed link re-sent, and the
// confirmation of whoever registers after a send.
import { describe, expect, it } from "vitest";
import { runDueWork } from "@/lib/scheduling/due-work";
import { emailTemplateSchemas } from "@/lib/email/schema";
import { meetingToForm } from "@/lib/meetings/form";
import { meetingSchema } from "@/lib/meetings/schema";
import { updateMeeting } from "@/lib/meetings/mutations";
import { register } from "@/lib/registrations/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrants, createUser, registrationInput } from "@/lib/test/factories";
import { runDueJoinLinkSends, sendJoinLinkNow } from "./mutations";

const { db } = await createTestDatabase(12);

const HOUR = 3600_000;
const MINUTE = 60_000;
const JOIN_URL = "https://zoom.us/j/5550001?pwd=riservato";
const coordinator = await createUser(db, "COORDINATOR");

/** A meeting starting at `startsAt`, online with a link, and `confirmed` confirmed registrants (+ 2 waitlisted). */
async function meetingWith(startsAt: Date, confirmed = 3, overrides: Parameters<typeof createMeeting>[1] = {}) {
  const meeting = await createMeeting(db, {
    joinUrl: JOIN_URL,
    platform: "Zoom",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    registrationOpensAt: new Date(startsAt.getTime() - 30 * 24 * HOUR),
    ...overrides,
  });
  const registrations = await createRegistrants(db, meeting.id, confirmed);
  await createRegistrants(db, meeting.id, 2, { status: "WAITLISTED" });
  return { meeting, registrations };
}

async function sendsOf(meetingId: string) {
  return db.joinLinkSend.findMany({ where: { meetingId }, orderBy: { startedAt: "asc" }, include: { emails: true } });
}

describe("runDueJoinLinkSends", () => {
  it("sends at 24 h and at 1 h before the start, to confirmed registrants only, each slot once", async () => {
    const start = new Date(Date.UTC(2031, 0, 10, 14, 0));
    const { meeting, registrations } = await meetingWith(start);

    // 25 hours before: nothing is due.
    await runDueJoinLinkSends(db, new Date(start.getTime() - 25 * HOUR));
    expect(await sendsOf(meeting.id)).toHaveLength(0);

    // 24 hours before: the first send, once however often the tick runs.
    const at24 = new Date(start.getTime() - 24 * HOUR + 30_000);
    await runDueJoinLinkSends(db, at24);
    await runDueJoinLinkSends(db, new Date(at24.getTime() + MINUTE));
    let sends = await sendsOf(meeting.id);
    expect(sends.map((send) => [send.kind, send.slot, send.joinUrlVersion, send.recipients])).toEqual([["SCHEDULED", "before-1440", 0, 3]]);
    expect(sends[0].emails.map((email) => email.registrationId).sort()).toEqual([...registrations].sort());
    const email = sends[0].emails[0];
    expect(email).toMatchObject({ template: "join-link", status: "PENDING", meetingId: meeting.id, joinLinkSendId: sends[0].id });
    expect(email.dedupeKey).toBe(`join-link:${sends[0].id}:${email.registrationId}`);
    expect(emailTemplateSchemas["join-link"].parse(email.data)).toMatchObject({ joinUrl: JOIN_URL, updated: false, meetingTitle: meeting.title });

    // 1 hour before: the second.
    await runDueJoinLinkSends(db, new Date(start.getTime() - HOUR + 5_000));
    sends = await sendsOf(meeting.id);
    expect(sends.map((send) => send.slot)).toEqual(["before-1440", "before-60"]);
    expect(sends[1].emails).toHaveLength(3);

    // The join link is in no job: pg-boss's batch jobs carry the send's id only.
    const jobs = await db.$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = 'email.batch'`;
    expect(JSON.stringify(jobs)).not.toContain("zoom.us");
  });

  it("after a downtime sends only the latest missed slot, and nothing once the meeting has started", async () => {
    const start = new Date(Date.UTC(2031, 1, 10, 14, 0));
    const { meeting } = await meetingWith(start);
    // Down from 25 h before to 30 minutes before: "24 ore prima" is superseded by "1 ora prima".
    await runDueJoinLinkSends(db, new Date(start.getTime() - 30 * MINUTE));
    await runDueJoinLinkSends(db, new Date(start.getTime() - 29 * MINUTE));
    expect((await sendsOf(meeting.id)).map((send) => send.slot)).toEqual(["before-60"]);

    const late = new Date(Date.UTC(2031, 1, 11, 14, 0));
    const { meeting: started } = await meetingWith(late);
    // Down until after the start: no "24 ore prima" for a meeting under way.
    await runDueJoinLinkSends(db, new Date(late.getTime() + 5 * MINUTE));
    expect(await sendsOf(started.id)).toHaveLength(0);
  });

  it("leaves alone drafts, meetings in person and meetings without a link", async () => {
    const start = new Date(Date.UTC(2031, 2, 10, 14, 0));
    const draft = await meetingWith(start, 1, { status: "DRAFT" });
    const inPerson = await meetingWith(start, 1, { mode: "IN_PERSON", joinUrl: null, venueName: "Sala" });
    const noLink = await meetingWith(start, 1, { joinUrl: null });
    await runDueJoinLinkSends(db, new Date(start.getTime() - 10 * MINUTE));
    for (const { meeting } of [draft, inPerson, noLink]) expect(await sendsOf(meeting.id)).toHaveLength(0);
  });

  it("two schedulers at the same moment make one send with one email per person", async () => {
    const start = new Date(Date.UTC(2031, 3, 10, 14, 0));
    const { meeting } = await meetingWith(start, 25);
    const now = new Date(start.getTime() - 23 * HOUR);
    await Promise.all([runDueWork(db, { now }), runDueWork(db, { now }), runDueJoinLinkSends(db, now)]);
    const sends = await sendsOf(meeting.id);
    expect(sends).toHaveLength(1);
    expect(sends[0].emails).toHaveLength(25);
    expect(new Set(sends[0].emails.map((email) => email.toEmail)).size).toBe(25);
  });

  it("a changed link goes again to everyone confirmed as 'Link aggiornato', in the editor's transaction", async () => {
    const start = new Date(Date.now() + 20 * HOUR);
    const { meeting } = await meetingWith(start, 2);
    // Not sent yet: a change of link sends nothing (the scheduled sends will carry the new one).
    const full = () => db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { speakers: true, agendaItems: true } });
    const edit = async (joinUrl: string) =>
      updateMeeting(db, { actor: coordinator, id: meeting.id, ...meetingSchema.parse({ ...meetingToForm(await full()), joinUrl }) });
    expect(await edit("https://zoom.us/j/5550002?pwd=primo")).toMatchObject({ ok: true });
    expect(await sendsOf(meeting.id)).toHaveLength(0);

    // Sent (24 h before has passed), then changed: an UPDATED send of version 2.
    await runDueJoinLinkSends(db, new Date());
    expect((await sendsOf(meeting.id)).map((send) => [send.kind, send.joinUrlVersion])).toEqual([["SCHEDULED", 1]]);
    expect(await edit("https://zoom.us/j/5550003?pwd=nuovo")).toMatchObject({ ok: true });
    const sends = await sendsOf(meeting.id);
    expect(sends.map((send) => [send.kind, send.slot, send.joinUrlVersion])).toEqual([
      ["SCHEDULED", "before-1440", 1],
      ["UPDATED", "updated", 2],
    ]);
    const data = emailTemplateSchemas["join-link"].parse(sends[1].emails[0].data);
    expect(data).toMatchObject({ joinUrl: "https://zoom.us/j/5550003?pwd=nuovo", updated: true });

    // The tick sees the UPDATED send: neither another update nor the "24 ore prima" of version 2.
    await runDueJoinLinkSends(db, new Date(Date.now() + MINUTE));
    expect(await sendsOf(meeting.id)).toHaveLength(2);
    const audit = await db.auditEntry.findMany({ where: { entityId: meeting.id, action: "join-link.send" } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((entry) => entry.data))).not.toContain("zoom.us");
  });

  it("the tick sends the UPDATED link when the link changed outside the editor", async () => {
    const start = new Date(Date.now() + 5 * HOUR);
    const { meeting } = await meetingWith(start, 2);
    await runDueJoinLinkSends(db, new Date());
    await db.meeting.update({ where: { id: meeting.id }, data: { joinUrl: "https://zoom.us/j/9?pwd=x", joinUrlVersion: { increment: 1 } } });
    await runDueJoinLinkSends(db, new Date());
    await runDueJoinLinkSends(db, new Date());
    expect((await sendsOf(meeting.id)).map((send) => send.kind)).toEqual(["SCHEDULED", "UPDATED"]);
  });

  it("whoever registers after a send gets the link in the confirmation; before a send, the promise of it", async () => {
    const start = new Date(Date.now() + 10 * 24 * HOUR);
    const { meeting } = await meetingWith(start, 1);
    const before = await register(db, { slug: meeting.slug, ...registrationInput() });
    expect(before.ok).toBe(true);
    const first = await db.emailMessage.findFirstOrThrow({ where: { registrationId: before.ok ? before.registrationId : "", template: "registration-confirmed" } });
    expect(first.data).not.toHaveProperty("joinUrl");

    expect(await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id })).toMatchObject({ ok: true, recipients: 2 });
    const after = await register(db, { slug: meeting.slug, ...registrationInput() });
    expect(after.ok).toBe(true);
    const confirmation = await db.emailMessage.findFirstOrThrow({ where: { registrationId: after.ok ? after.registrationId : "", template: "registration-confirmed" } });
    expect(confirmation.data).toMatchObject({ joinUrl: JOIN_URL });
  });

  it("'Invia ora' refuses a second click while the first send is still going out, and a meeting that cannot receive one", async () => {
    const start = new Date(Date.now() + 10 * 24 * HOUR);
    const { meeting } = await meetingWith(start, 2);
    expect(await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id })).toMatchObject({ ok: true, recipients: 2 });
    expect(await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id })).toEqual({ ok: false, reason: "SEND_IN_PROGRESS" });

    const { meeting: inPerson } = await meetingWith(start, 1, { mode: "IN_PERSON", joinUrl: null, venueName: "Sala" });
    expect(await sendJoinLinkNow(db, { actor: coordinator, meetingId: inPerson.id })).toEqual({ ok: false, reason: "NOT_ONLINE" });
    const { meeting: noLink } = await meetingWith(start, 1, { joinUrl: null });
    expect(await sendJoinLinkNow(db, { actor: coordinator, meetingId: noLink.id })).toEqual({ ok: false, reason: "NO_JOIN_URL" });
  });
});
