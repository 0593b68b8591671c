import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/database";
import { createMeeting, createMunicipality, queueMeetingEmails, registrationInput } from "../test/factories";
import { hashToken } from "../platform/security/tokens";
import { formatAddress } from "../platform/email-transport/address";
import { CANCELLED_REGISTRATION, cancelRegistration, register, updateRegistration } from "./mutations";

const { db } = await createTestDatabase(30);

async function emailsTo(email: string) {
  return db.emailMessage.findMany({ where: { toEmail: email }, orderBy: { createdAt: "asc" } });
}

describe("register", () => {
  it("confirms a registration, stores only the token's hash and writes the confirmation email", async () => {
    const meeting = await createMeeting(db);
    const input = registrationInput({ email: "  Maria.Rossi@Comune.Example.IT " });
    const result = await register(db, { slug: meeting.slug, ...input });
    expect(result).toMatchObject({ ok: true, status: "CONFIRMED" });
    if (!result.ok) return;

    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    const row = await db.registration.findUniqueOrThrow({ where: { id: result.registrationId }, include: { person: true } });
    expect(row.tokenHash).toBe(hashToken(result.token));
    expect(JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toContain(result.token);
    expect(row.person.email).toBe("maria.rossi@comune.example.it");
    expect(row.privacyNoticeVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.tokenExpiresAt.getTime()).toBe(meeting.endsAt.getTime() + 30 * 24 * 3600_000);

    const emails = await emailsTo("maria.rossi@comune.example.it");
    expect(emails.map((email) => email.template)).toEqual(["registration-confirmed"]);
    expect(JSON.stringify(emails[0].data)).toContain(`/iscrizione/${result.token}`);
  });

  it("the confirmation's calendar file gives the personal page, not the join link", async () => {
    const meeting = await createMeeting(db, { joinUrl: "https://zoom.us/j/31?pwd=nel-calendario-no" });
    const input = registrationInput();
    const result = await register(db, { slug: meeting.slug, ...input });
    if (!result.ok) throw new Error(result.reason);
    const [email] = await emailsTo(input.email);
    const ics = String((email.data as { ics?: unknown }).ics).replace(/\r\n /g, "");
    expect(ics).toMatch(new RegExp(`DESCRIPTION:.*La tua iscrizione\\\\, con il link di collegamento: \\S*/iscrizione/${result.token}`));
    expect(ics).not.toContain("zoom.us");
  });

  it("a second registration with the same email creates nothing and sends the personal link again", async () => {
    const meeting = await createMeeting(db);
    const input = registrationInput();
    const first = await register(db, { slug: meeting.slug, ...input });
    expect(first.ok).toBe(true);
    const again = await register(db, { slug: meeting.slug, ...input, email: input.email.toUpperCase().toLowerCase(), firstName: "Altro" });
    expect(again).toEqual({ ok: false, reason: "ALREADY_REGISTERED" });

    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(1);
    const person = await db.person.findUniqueOrThrow({ where: { email: input.email } });
    expect(person.firstName).toBe("Maria"); // the refused attempt changed nothing
    const emails = await emailsTo(input.email);
    expect(emails.map((email) => email.template)).toEqual(["registration-confirmed", "personal-link"]);
    // The new link works, the old one does not.
    const registration = await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id } });
    if (first.ok) expect(registration.tokenHash).not.toBe(hashToken(first.token));
  });

  it("refuses outside the registration window and for cancelled or draft meetings", async () => {
    const now = new Date();
    const notYet = await createMeeting(db, { registrationOpensAt: new Date(now.getTime() + 3600_000) });
    const closed = await createMeeting(db, { registrationClosesAt: new Date(now.getTime() - 1000) });
    const cancelled = await createMeeting(db, { status: "CANCELLED" });
    const draft = await createMeeting(db, { status: "DRAFT" });
    const past = await createMeeting(db, { startsAt: new Date(now.getTime() - 7200_000), endsAt: new Date(now.getTime() - 3600_000) });
    expect(await register(db, { slug: notYet.slug, ...registrationInput(), options: { now } })).toEqual({ ok: false, reason: "REGISTRATION_NOT_OPEN" });
    expect(await register(db, { slug: closed.slug, ...registrationInput(), options: { now } })).toEqual({ ok: false, reason: "REGISTRATION_CLOSED" });
    expect(await register(db, { slug: cancelled.slug, ...registrationInput(), options: { now } })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await register(db, { slug: draft.slug, ...registrationInput(), options: { now } })).toEqual({ ok: false, reason: "MEETING_NOT_FOUND" });
    expect(await register(db, { slug: past.slug, ...registrationInput(), options: { now } })).toEqual({ ok: false, reason: "REGISTRATION_CLOSED" });
    expect(await register(db, { slug: "non-esiste", ...registrationInput(), options: { now } })).toEqual({ ok: false, reason: "MEETING_NOT_FOUND" });
    expect(await db.registration.count({ where: { meetingId: { in: [notYet.id, closed.id, cancelled.id, draft.id, past.id] } } })).toBe(0);
  });

  it("200 simultaneous registrations for 50 seats: exactly 50 confirmed, 150 waitlisted in arrival order", async () => {
    const meeting = await createMeeting(db, { capacity: 50 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => register(db, { slug: meeting.slug, ...registrationInput({ email: `persona${i}@ente.example.it` }) })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { arrival: "asc" } });
    expect(rows).toHaveLength(200);
    expect(rows.filter((row) => row.status === "CONFIRMED")).toHaveLength(50);
    // Arrival order: the first 50 to commit hold the seats, everyone after waits.
    expect(rows.slice(0, 50).every((row) => row.status === "CONFIRMED")).toBe(true);
    expect(rows.slice(50).every((row) => row.status === "WAITLISTED")).toBe(true);
    const templates = await db.emailMessage.groupBy({ by: ["template"], where: { meetingId: meeting.id }, _count: true });
    expect(Object.fromEntries(templates.map((t) => [t.template, t._count]))).toEqual({
      "registration-confirmed": 50,
      "registration-waitlisted": 150,
    });
  });

  it("a registration for a Comune needs a municipality that exists", async () => {
    const meeting = await createMeeting(db);
    const municipality = await createMunicipality(db);
    const ok = await register(db, { slug: meeting.slug, ...registrationInput({ organisationType: "COMUNE", municipalityId: municipality.id }) });
    expect(ok.ok).toBe(true);
    const unknown = await register(db, {
      slug: meeting.slug,
      ...registrationInput({ organisationType: "COMUNE", municipalityId: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(unknown).toEqual({ ok: false, reason: "UNKNOWN_MUNICIPALITY" });
  });
});

describe("personal link", () => {
  it("a cancellation promotes the first waitlisted person and tells them", async () => {
    const meeting = await createMeeting(db, { capacity: 1 });
    const first = await register(db, { slug: meeting.slug, ...registrationInput({ email: "primo@ente.example.it" }) });
    const second = await register(db, { slug: meeting.slug, ...registrationInput({ email: "secondo@ente.example.it" }) });
    const third = await register(db, { slug: meeting.slug, ...registrationInput({ email: "terzo@ente.example.it" }) });
    expect([first, second, third].map((r) => r.ok && r.status)).toEqual(["CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    if (!first.ok || !second.ok) return;

    const cancelled = await cancelRegistration(db, { token: first.token });
    expect(cancelled).toEqual({ ok: true, promotedRegistrationId: second.registrationId });
    const statuses = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { arrival: "asc" }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["CANCELLED", "CONFIRMED", "WAITLISTED"]);
    expect((await emailsTo("secondo@ente.example.it")).map((e) => e.template)).toEqual([
      "registration-waitlisted",
      "registration-promoted",
    ]);
    expect((await emailsTo("primo@ente.example.it")).map((e) => e.template)).toContain("registration-cancelled");
    expect(await cancelRegistration(db, { token: first.token })).toEqual({ ok: false, reason: "ALREADY_CANCELLED" });
  });

  it("cancelling a waitlisted registration promotes no one", async () => {
    const meeting = await createMeeting(db, { capacity: 1 });
    await register(db, { slug: meeting.slug, ...registrationInput() });
    const waiting = await register(db, { slug: meeting.slug, ...registrationInput() });
    if (!waiting.ok) throw new Error("expected a registration");
    expect(await cancelRegistration(db, { token: waiting.token })).toEqual({ ok: true, promotedRegistrationId: null });
  });

  it("a cancellation withdraws the join link and the reminder still queued for that person", async () => {
    const meeting = await createMeeting(db);
    const result = await register(db, { slug: meeting.slug, ...registrationInput() });
    if (!result.ok) throw new Error("expected a registration");
    const queued = await queueMeetingEmails(db, result.registrationId);
    expect(await cancelRegistration(db, { token: result.token })).toMatchObject({ ok: true });
    const rows = await db.emailMessage.findMany({ where: { id: { in: queued } }, select: { status: true, lastError: true } });
    expect(rows).toEqual([
      { status: "CANCELLED", lastError: CANCELLED_REGISTRATION },
      { status: "CANCELLED", lastError: CANCELLED_REGISTRATION },
    ]);
    // The acknowledgement of the cancellation itself goes.
    expect(await db.emailMessage.count({ where: { registrationId: result.registrationId, template: "registration-cancelled", status: "PENDING" } })).toBe(1);
  });

  it("refuses unknown, revoked and expired links", async () => {
    const meeting = await createMeeting(db);
    const result = await register(db, { slug: meeting.slug, ...registrationInput() });
    if (!result.ok) throw new Error("expected a registration");
    expect(await cancelRegistration(db, { token: "x".repeat(43) })).toEqual({ ok: false, reason: "LINK_INVALID" });
    const afterExpiry = new Date(meeting.endsAt.getTime() + 31 * 24 * 3600_000);
    expect(await cancelRegistration(db, { token: result.token, now: afterExpiry })).toEqual({ ok: false, reason: "LINK_EXPIRED" });
    await db.registration.update({ where: { id: result.registrationId }, data: { tokenRevokedAt: new Date() } });
    expect(await cancelRegistration(db, { token: result.token })).toEqual({ ok: false, reason: "LINK_INVALID" });
  });

  it("edits name, role, phone and consent, timestamping the consent when given", async () => {
    const meeting = await createMeeting(db);
    const result = await register(db, { slug: meeting.slug, ...registrationInput({ communicationsConsent: false }) });
    if (!result.ok) throw new Error("expected a registration");
    const changes = { firstName: "Marta", lastName: "Bianchi", roleTitle: "Dirigente", phone: null, communicationsConsent: true };
    expect(await updateRegistration(db, { token: result.token, ...changes })).toEqual({ ok: true });
    const row = await db.registration.findUniqueOrThrow({ where: { id: result.registrationId }, include: { person: true } });
    expect(row.person).toMatchObject({ firstName: "Marta", lastName: "Bianchi", phone: null });
    expect(row).toMatchObject({ roleTitle: "Dirigente", communicationsConsent: true });
    expect(row.communicationsConsentAt).not.toBeNull();
  });
});

describe("transactional email", () => {
  it("a registration that fails after writing leaves no EmailMessage row", async () => {
    const meeting = await createMeeting(db);
    const before = await db.emailMessage.count();
    // Two nominees with one email break the invitation insert after the
    // confirmation email was written: the whole registration rolls back.
    const input = registrationInput();
    const broken = { ...input, nominees: [{ firstName: "A", lastName: "B", email: "x@y.it", managingBodyName: "Coop" }] };
    await db.$executeRawUnsafe(`ALTER TABLE "Invitation" ADD CONSTRAINT test_no_invites CHECK (email <> 'x@y.it')`);
    try {
      await expect(register(db, { slug: meeting.slug, ...broken })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Invitation" DROP CONSTRAINT test_no_invites`);
    }
    expect(await db.emailMessage.count()).toBe(before);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(0);
    const jobs = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM pgboss.job WHERE name = 'email.deliver'`);
    expect(Number(jobs[0].count)).toBe(before);
  });
});

describe("registering again after cancelling", () => {
  it("brings the registration back at the end of the queue, with a new link and email", async () => {
    const meeting = await createMeeting(db, { capacity: 1 });
    const input = registrationInput();
    const first = await register(db, { slug: meeting.slug, ...input });
    if (!first.ok) throw new Error("expected a registration");
    const other = await register(db, { slug: meeting.slug, ...registrationInput() });
    expect(other).toMatchObject({ ok: true, status: "WAITLISTED" });
    await cancelRegistration(db, { token: first.token }); // promotes the other person

    const again = await register(db, { slug: meeting.slug, ...input });
    expect(again).toMatchObject({ ok: true, status: "WAITLISTED" });
    if (!again.ok) return;
    expect(again.registrationId).toBe(first.registrationId);
    const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { arrival: "asc" } });
    expect(rows.map((row) => row.id)).toEqual([other.ok && other.registrationId, first.registrationId]);
    expect(rows[1]).toMatchObject({ status: "WAITLISTED", cancelledAt: null, tokenHash: hashToken(again.token) });
    expect((await emailsTo(input.email)).map((e) => e.template)).toEqual(["registration-confirmed", "registration-cancelled", "registration-waitlisted"]);
  });
});

describe("names with line breaks", () => {
  it("a registration with \"Mario\\r\\nBcc: x@y\" as first name stores \"Mario Bcc: x@y\", and the email's To name agrees", async () => {
    const meeting = await createMeeting(db);
    const input = registrationInput({ firstName: "Mario\r\nBcc: x@y", lastName: "Rossi\t " });
    const result = await register(db, { slug: meeting.slug, ...input });
    if (!result.ok) throw new Error(result.reason);
    const person = await db.person.findUniqueOrThrow({ where: { email: input.email } });
    expect([person.firstName, person.lastName]).toEqual(["Mario Bcc: x@y", "Rossi"]);
    const [email] = await emailsTo(input.email);
    expect(email.toName).toBe("Mario Bcc: x@y Rossi");
    expect(formatAddress(email.toEmail, email.toName)).toBe(`"Mario Bcc: x@y Rossi" <${input.email}>`);
  });
});
