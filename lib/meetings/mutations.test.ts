import { describe, expect, it } from "vitest";
import { cancelRegistration, register } from "../registrations/mutations";
import { createTestDatabase } from "../test/database";
import { createMeeting as createMeetingRow, registrationInput } from "../test/factories";
import { utcToRomeLocal } from "../platform/format/rome-local";
import { emptyMeetingForm, meetingToForm, type MeetingFormRaw } from "./form";
import { meetingSchema } from "./schema";
import {
  archiveMeeting,
  CANCELLED_MEETING,
  cancelMeeting,
  createMeeting,
  duplicateMeeting,
  publishMeeting,
  unpublishMeeting,
  updateMeeting,
} from "./mutations";
import { meetingFormVersion } from "./form-version";
import { previewMeeting } from "./sheet";
import { getDashboardMeeting, getPublicMeeting, listPublicMeetings } from "./queries";
import { getDashboardOverview } from "../dashboard/queries";
import { meetingFailureErrors } from "./admin-messages";

const { db } = await createTestDatabase(20);

const JOIN_URL = "https://zoom.us/j/81234567890?pwd=SegretoDelTavolo";
const coordinator = await db.user.create({ data: { email: "coordinatrice@convoca.test", role: "COORDINATOR" } });
const actor = { id: coordinator.id };

/** The form as a coordinator fills it in, parsed by the shared schema. */
function meetingInput(overrides: Partial<MeetingFormRaw> = {}) {
  return meetingSchema.parse({
    ...emptyMeetingForm(),
    title: "Tavolo tecnico di primavera",
    subject: "CONVOCAZIONE TAVOLO TECNICO tra i Referenti del Coordinamento",
    protocolNumber: "0227/15/03/30",
    startsAt: "2030-03-21T15:00",
    endsAt: "2030-03-21T17:00",
    mode: "ONLINE",
    platform: "Zoom",
    joinUrl: JOIN_URL,
    capacity: "50",
    registrationOpensAt: "2030-03-01T09:00",
    registrationClosesAt: "2030-03-21T15:00",
    salutation: "Gentilissimi,",
    body: "Vi invito a partecipare al **Tavolo Tecnico**.",
    closing: "Cordiali saluti",
    signatoryName: "Mario Rossi",
    signatoryTitle: "Segretario Generale ANCI Sicilia",
    fundingFund: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
    fundingLine: "Fondo Asilo, Migrazione e Integrazione 2014-2020 - Obiettivo Specifico 2",
    projectCode: "3031",
    projectName: "COOPERA",
    speakers: [
      { honorific: "dott.", name: "Edoardo Barbarossa", role: "Presidente", affiliation: "Fondazione Ebbene", talkTitle: "Co-progettazione" },
      { honorific: "", name: "", role: "", affiliation: "", talkTitle: "" },
      { honorific: "dott.ssa", name: "Anna Verdi", role: "", affiliation: "Comune di Palermo", talkTitle: "" },
    ],
    agendaItems: [
      { title: "Le occasioni del PNRR", description: "" },
      { title: "Confronto tra i partecipanti", description: "Domande e risposte" },
    ],
    ...overrides,
  });
}

async function auditEntries(entityId: string) {
  return db.auditEntry.findMany({ where: { entityType: "Meeting", entityId }, orderBy: { createdAt: "asc" } });
}

async function createdMeeting(overrides: Partial<MeetingFormRaw> = {}) {
  const result = await createMeeting(db, { actor, ...meetingInput(overrides) });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

async function registered(meetingSlug: string) {
  const result = await register(db, { slug: meetingSlug, ...registrationInput() });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("createMeeting", () => {
  it("creates a draft with Rome's times in UTC, speakers and agenda in order, and an audit entry without the join link", async () => {
    const result = await createdMeeting();
    const meeting = await db.meeting.findUniqueOrThrow({
      where: { id: result.id },
      include: { speakers: { orderBy: { position: "asc" } }, agendaItems: { orderBy: { position: "asc" } } },
    });
    expect(meeting.status).toBe("DRAFT");
    expect(meeting.slug).toBe("tavolo-tecnico-di-primavera");
    expect(meeting.startsAt.toISOString()).toBe("2030-03-21T14:00:00.000Z");
    expect(meeting.registrationOpensAt?.toISOString()).toBe("2030-03-01T08:00:00.000Z");
    expect(meeting.capacity).toBe(50);
    expect(meeting.joinUrl).toBe(JOIN_URL);
    expect(meeting.speakers.map((s) => [s.position, s.name, s.role])).toEqual([
      [1, "Edoardo Barbarossa", "Presidente"],
      [2, "Anna Verdi", null],
    ]);
    expect(meeting.agendaItems.map((a) => [a.position, a.title, a.description])).toEqual([
      [1, "Le occasioni del PNRR", null],
      [2, "Confronto tra i partecipanti", "Domande e risposte"],
    ]);

    const [entry] = await auditEntries(result.id);
    expect(entry).toMatchObject({ action: "meeting.create", actorId: coordinator.id });
    expect(entry.data).toMatchObject({ after: { title: "Tavolo tecnico di primavera", status: "DRAFT" }, details: { joinUrlChanged: true } });
    expect(JSON.stringify(entry.data)).not.toContain("zoom.us");
  });

  it("derives a free address from the title, and refuses an address already taken", async () => {
    const first = await createdMeeting({ title: "Webinar sull'accoglienza" });
    const second = await createdMeeting({ title: "Webinar sull'accoglienza" });
    expect(first.slug).toBe("webinar-sull-accoglienza");
    expect(second.slug).toBe("webinar-sull-accoglienza-2");

    const count = await db.meeting.count();
    expect(await createMeeting(db, { actor, ...meetingInput({ slug: first.slug }) })).toEqual({ ok: false, reason: "SLUG_TAKEN" });
    expect(await db.meeting.count()).toBe(count);
  });
});

describe("updateMeeting", () => {
  it("replaces every field, the speakers and the agenda; audits only what changed", async () => {
    const { id } = await createdMeeting({ title: "Da modificare" });
    const result = await updateMeeting(db, {
      actor,
      id,
      ...meetingInput({
        title: "Modificato",
        slug: "",
        capacity: "",
        speakers: [{ honorific: "", name: "Luca Bianchi", role: "", affiliation: "ANCI Sicilia", talkTitle: "Il SAI" }],
        agendaItems: [],
      }),
    });
    expect(result).toEqual({ ok: true, slug: "da-modificare", promoted: 0, version: expect.stringMatching(/^[\w-]{22}$/), joinLinkQueued: 0 });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id }, include: { speakers: true, agendaItems: true } });
    expect(meeting).toMatchObject({ title: "Modificato", capacity: null, joinUrl: JOIN_URL, joinUrlVersion: 0 });
    expect(meeting.speakers.map((s) => [s.position, s.name])).toEqual([[1, "Luca Bianchi"]]);
    expect(meeting.agendaItems).toEqual([]);

    const entry = (await auditEntries(id)).at(-1)!;
    expect(entry.action).toBe("meeting.update");
    const data = entry.data as { before: Record<string, unknown>; after: Record<string, unknown>; details: Record<string, unknown> };
    expect(Object.keys(data.after).sort()).toEqual(["agendaItems", "capacity", "speakers", "title"]);
    expect(data.before).toMatchObject({ title: "Da modificare", capacity: 50 });
    expect(data.after).toMatchObject({ title: "Modificato", capacity: null });
    expect(data.details).toEqual({ joinUrlChanged: false });
  });

  it("a new join link bumps its version and the audit says only that it changed", async () => {
    const { id } = await createdMeeting();
    const newLink = "https://meet.example.org/nuovo-link-riservato";
    expect(await updateMeeting(db, { actor, id, ...meetingInput({ joinUrl: newLink }) })).toMatchObject({ ok: true });
    expect(await db.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ joinUrl: newLink, joinUrlVersion: 1 });
    await updateMeeting(db, { actor, id, ...meetingInput({ joinUrl: newLink }) });
    expect((await db.meeting.findUniqueOrThrow({ where: { id } })).joinUrlVersion).toBe(1);

    const entries = await auditEntries(id);
    expect(entries.map((entry) => (entry.data as { details?: unknown }).details)).toEqual([
      { joinUrlChanged: true },
      { joinUrlChanged: true },
      { joinUrlChanged: false },
    ]);
    const text = JSON.stringify(entries.map((entry) => entry.data));
    expect(text).not.toContain("nuovo-link-riservato");
    expect(text).not.toContain("zoom.us");
  });

  it("keeps a published meeting's address and refuses cancelled, archived and unknown meetings", async () => {
    const published = await createMeetingRow(db);
    const input = meetingInput({ slug: "un-altro-indirizzo" });
    expect(await updateMeeting(db, { actor, id: published.id, ...input })).toEqual({ ok: false, reason: "SLUG_LOCKED" });
    expect(await updateMeeting(db, { actor, id: published.id, ...meetingInput({ slug: "" }) })).toMatchObject({ ok: true, slug: published.slug });

    const cancelled = await createMeetingRow(db, { status: "CANCELLED" });
    const archived = await createMeetingRow(db, { status: "ARCHIVED" });
    expect(await updateMeeting(db, { actor, id: cancelled.id, ...meetingInput() })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await updateMeeting(db, { actor, id: archived.id, ...meetingInput() })).toEqual({ ok: false, reason: "MEETING_ARCHIVED" });
    expect(await updateMeeting(db, { actor, id: "00000000-0000-4000-8000-000000000000", ...meetingInput() })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
    expect(await auditEntries(cancelled.id)).toEqual([]);
  });

  it("two coordinators editing at once: the second save is refused once with the current version, nothing lost, then may overwrite", async () => {
    const meeting = await createMeetingRow(db, { title: "Aperta da due" });
    const loaded = await getDashboardMeeting(db, meeting.id);
    const version = meetingFormVersion(loaded!);
    const form = meetingToForm(loaded!);

    const first = await updateMeeting(db, {
      actor,
      id: meeting.id,
      ...meetingSchema.parse({ ...form, title: "Titolo di Anna" }),
      options: { expectedVersion: version },
    });
    expect(first).toMatchObject({ ok: true });
    // Anna saves again from the same form, which took the new version: no conflict with herself.
    if (!first.ok) return;
    expect(
      await updateMeeting(db, {
        actor,
        id: meeting.id,
        ...meetingSchema.parse({ ...form, title: "Titolo di Anna, rivisto" }),
        options: { expectedVersion: first.version },
      }),
    ).toMatchObject({ ok: true });

    const audits = (await auditEntries(meeting.id)).length;
    const stale = await updateMeeting(db, {
      actor,
      id: meeting.id,
      ...meetingSchema.parse({ ...form, subject: "Oggetto di Bruno" }),
      options: { expectedVersion: version },
    });
    const current = meetingFormVersion((await getDashboardMeeting(db, meeting.id))!);
    expect(stale).toEqual({ ok: false, reason: "STALE", version: current });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ title: "Titolo di Anna, rivisto", subject: meeting.subject });
    expect(await auditEntries(meeting.id)).toHaveLength(audits);

    // Bruno was told, and saves again with the version the refusal gave him.
    expect(
      await updateMeeting(db, {
        actor,
        id: meeting.id,
        ...meetingSchema.parse({ ...form, subject: "Oggetto di Bruno" }),
        options: { expectedVersion: current },
      }),
    ).toMatchObject({ ok: true });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ subject: "Oggetto di Bruno" });
  });

  it("the letter's place-and-date line is saved, audited, shown in the preview, and part of the editor's fingerprint", async () => {
    const meeting = await createMeetingRow(db);
    const loaded = (await getDashboardMeeting(db, meeting.id))!;
    expect(meetingToForm(loaded).placeAndDate).toBe("");
    const input = meetingSchema.parse({ ...meetingToForm(loaded), placeAndDate: "  Palermo, 15 marzo 2022 " });
    const saved = await updateMeeting(db, { actor, id: meeting.id, ...input, options: { expectedVersion: meetingFormVersion(loaded) } });
    expect(saved).toMatchObject({ ok: true });
    const after = (await getDashboardMeeting(db, meeting.id))!;
    expect(after.placeAndDate).toBe("Palermo, 15 marzo 2022");
    expect(meetingToForm(after).placeAndDate).toBe("Palermo, 15 marzo 2022");
    expect(previewMeeting(meetingToForm(after), "DRAFT").placeAndDate).toBe("Palermo, 15 marzo 2022");
    const [audit] = (await auditEntries(meeting.id)).slice(-1);
    expect(audit.data).toMatchObject({ before: { placeAndDate: null }, after: { placeAndDate: "Palermo, 15 marzo 2022" } });

    // Someone else changing only that line makes an editor opened before it stale.
    await db.meeting.update({ where: { id: meeting.id }, data: { placeAndDate: "Catania, 16 marzo 2022" } });
    expect(meetingFormVersion((await getDashboardMeeting(db, meeting.id))!)).not.toBe(meetingFormVersion(after));
    const stale = await updateMeeting(db, {
      actor,
      id: meeting.id,
      ...meetingSchema.parse({ ...meetingToForm(after), title: "Mio" }),
      options: {
        expectedVersion: meetingFormVersion(after),
      },
    });
    expect(stale).toMatchObject({ ok: false, reason: "STALE" });
  });

  it("a change the editor does not show (the attestati threshold) does not get in the editor's way", async () => {
    const meeting = await createMeetingRow(db);
    const loaded = (await getDashboardMeeting(db, meeting.id))!;
    await db.meeting.update({ where: { id: meeting.id }, data: { certificateMinMinutes: 45, joinLinkOffsetsMinutes: [60] } });
    const input = meetingSchema.parse({ ...meetingToForm(loaded), title: "Ancora mia" });
    expect(await updateMeeting(db, { actor, id: meeting.id, ...input, options: { expectedVersion: meetingFormVersion(loaded) } })).toMatchObject({ ok: true });
  });

  it("more seats go to the waiting list in arrival order, each told by email; a later end moves the links' expiry", async () => {
    const now = new Date();
    const meeting = await createMeetingRow(db, { capacity: 1 });
    await registered(meeting.slug);
    const second = await registered(meeting.slug);
    const third = await registered(meeting.slug);
    expect([second.status, third.status]).toEqual(["WAITLISTED", "WAITLISTED"]);

    const later = new Date(meeting.endsAt.getTime() + 24 * 3600_000);
    const row = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { speakers: true, agendaItems: true } });
    const form = { ...meetingToForm(row), capacity: "2", endsAt: utcToRomeLocal(later) };
    const result = await updateMeeting(db, { actor, id: meeting.id, ...meetingSchema.parse(form), options: { now } });
    expect(result).toMatchObject({ ok: true, promoted: 1 });

    const statuses = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { arrival: "asc" } });
    expect(statuses.map((r) => r.status)).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED"]);
    const promoted = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "registration-promoted" } });
    expect(promoted.map((email) => email.registrationId)).toEqual([second.registrationId]);
    expect(await db.auditEntry.findMany({ where: { action: "registration.promote", entityId: second.registrationId } })).toMatchObject([
      { data: { before: { status: "WAITLISTED" }, after: { status: "CONFIRMED" }, details: { cause: "capacity-increase" } } },
    ]);
    const { endsAt } = await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(endsAt.getTime()).toBeGreaterThan(meeting.endsAt.getTime());
    expect(statuses.every((r) => r.tokenExpiresAt.getTime() === endsAt.getTime() + 30 * 24 * 3600_000)).toBe(true);
  });
});

describe("publishing", () => {
  it("publishes a draft, which the public can then read; unpublishing hides it again", async () => {
    const { id, slug } = await createdMeeting({ title: "Bozza da pubblicare", startsAt: "2030-05-10T10:00", endsAt: "2030-05-10T12:00" });
    const now = new Date("2030-05-01T10:00:00Z");
    expect(await getPublicMeeting(db, slug)).toBeNull();

    expect(await publishMeeting(db, { actor, id, now })).toEqual({ ok: true, slug });
    const published = await db.meeting.findUniqueOrThrow({ where: { id } });
    expect(published).toMatchObject({ status: "PUBLISHED", publishedAt: now });
    expect(await getPublicMeeting(db, slug)).not.toBeNull();
    expect((await listPublicMeetings(db, now)).upcoming.map((m) => m.slug)).toContain(slug);
    expect(await publishMeeting(db, { actor, id })).toEqual({ ok: false, reason: "ALREADY_PUBLISHED" });

    expect(await unpublishMeeting(db, { actor, id })).toEqual({ ok: true, slug });
    expect(await getPublicMeeting(db, slug)).toBeNull();
    expect(await unpublishMeeting(db, { actor, id })).toEqual({ ok: false, reason: "NOT_PUBLISHED" });

    const entries = await auditEntries(id);
    expect(entries.map((entry) => [entry.action, entry.data])).toEqual([
      ["meeting.create", expect.anything()],
      ["meeting.publish", { before: { status: "DRAFT" }, after: { status: "PUBLISHED", publishedAt: now.toISOString() } }],
      ["meeting.unpublish", { before: { status: "PUBLISHED" }, after: { status: "DRAFT" } }],
    ]);
  });

  it("refuses to publish a cancelled or archived meeting, and to unpublish one people registered for", async () => {
    const cancelled = await createMeetingRow(db, { status: "CANCELLED" });
    const archived = await createMeetingRow(db, { status: "ARCHIVED" });
    expect(await publishMeeting(db, { actor, id: cancelled.id })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await publishMeeting(db, { actor, id: archived.id })).toEqual({ ok: false, reason: "MEETING_ARCHIVED" });
    expect(await unpublishMeeting(db, { actor, id: cancelled.id })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await unpublishMeeting(db, { actor, id: archived.id })).toEqual({ ok: false, reason: "MEETING_ARCHIVED" });

    const withPeople = await createMeetingRow(db);
    await registered(withPeople.slug);
    expect(await unpublishMeeting(db, { actor, id: withPeople.id })).toEqual({ ok: false, reason: "HAS_REGISTRATIONS" });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: withPeople.id } })).status).toBe("PUBLISHED");
    expect(await publishMeeting(db, { actor, id: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("drafts are never public", () => {
  it("a draft's address gives no public meeting and no list shows it", async () => {
    const { slug } = await createdMeeting({ title: "Bozza riservata", startsAt: "2030-06-10T10:00", endsAt: "2030-06-10T12:00" });
    expect(await getPublicMeeting(db, slug)).toBeNull();
    for (const now of [new Date("2030-06-01T00:00:00Z"), new Date("2030-07-01T00:00:00Z")]) {
      const { upcoming, past } = await listPublicMeetings(db, now);
      expect([...upcoming, ...past].map((m) => m.slug)).not.toContain(slug);
    }
    const result = await register(db, { slug, ...registrationInput() });
    expect(result).toEqual({ ok: false, reason: "MEETING_NOT_FOUND" });
  });
});

describe("cancelMeeting", () => {
  it("emails every confirmed and waitlisted registrant exactly once, records the reason and audits", async () => {
    const meeting = await createMeetingRow(db, { capacity: 2 });
    const people = [await registered(meeting.slug), await registered(meeting.slug), await registered(meeting.slug), await registered(meeting.slug)];
    expect(people.map((p) => p.status)).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    // One cancels first (promoting the first waiting), and must not hear again.
    expect(await cancelRegistration(db, { token: people[0].token })).toMatchObject({ ok: true });
    const before = await db.emailMessage.count({ where: { meetingId: meeting.id, template: "meeting-cancelled" } });
    expect(before).toBe(0);

    const now = new Date();
    const reason = "Il relatore non potrà essere presente.";
    expect(await cancelMeeting(db, { actor, id: meeting.id, reason, now })).toEqual({ ok: true, slug: meeting.slug, notified: 3 });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      status: "CANCELLED",
      cancelledAt: now,
      cancellationReason: reason,
    });

    const emails = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "meeting-cancelled" } });
    expect(emails.map((email) => email.registrationId).sort()).toEqual(people.slice(1).map((p) => p.registrationId).sort());
    expect(emails[0].data).toMatchObject({ reason, meetingTitle: meeting.title, meetingUrl: expect.stringContaining(`/convocazioni/${meeting.slug}`) });
    expect(JSON.stringify(emails.map((email) => email.data))).not.toContain("joinUrl");

    // Cancelling again changes nothing and sends nothing.
    expect(await cancelMeeting(db, { actor, id: meeting.id, reason: "Di nuovo" })).toEqual({ ok: false, reason: "ALREADY_CANCELLED" });
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "meeting-cancelled" } })).toBe(3);

    const entry = (await auditEntries(meeting.id)).find((e) => e.action === "meeting.cancel");
    expect(entry?.data).toEqual({
      before: { status: "PUBLISHED" },
      after: { status: "CANCELLED", cancelledAt: now.toISOString(), cancellationReason: reason },
      details: { notified: 3, emailsWithdrawn: 5 },
    });
    // None of it had left (no worker here): what was about taking part is withdrawn; the acknowledgement of the
    // earlier cancellation and the news of this one wait to be sent.
    const byStatus = async (status: "PENDING" | "CANCELLED") =>
      (await db.emailMessage.findMany({ where: { meetingId: meeting.id, status }, select: { template: true } })).map((e) => e.template).sort();
    expect(await byStatus("PENDING")).toEqual(["meeting-cancelled", "meeting-cancelled", "meeting-cancelled", "registration-cancelled"]);
    expect(await byStatus("CANCELLED")).toEqual([
      "registration-confirmed",
      "registration-confirmed",
      "registration-promoted",
      "registration-waitlisted",
      "registration-waitlisted",
    ]);
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, status: "CANCELLED", lastError: CANCELLED_MEETING } })).toBe(5);
    // Nobody registers for a cancelled meeting.
    expect(await register(db, { slug: meeting.slug, ...registrationInput() })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
  });

  it("refuses drafts, archived meetings and meetings already held, writing nothing", async () => {
    const draft = await createMeetingRow(db, { status: "DRAFT" });
    const archived = await createMeetingRow(db, { status: "ARCHIVED" });
    const held = await createMeetingRow(db);
    expect(await cancelMeeting(db, { actor, id: draft.id, reason: "x" })).toEqual({ ok: false, reason: "NOT_PUBLISHED" });
    expect(await cancelMeeting(db, { actor, id: archived.id, reason: "x" })).toEqual({ ok: false, reason: "MEETING_ARCHIVED" });
    expect(await cancelMeeting(db, { actor, id: held.id, reason: "x", now: new Date(held.endsAt.getTime() + 1000) })).toEqual({
      ok: false,
      reason: "MEETING_ENDED",
    });
    expect(await db.meeting.count({ where: { id: { in: [draft.id, archived.id, held.id] }, status: "CANCELLED" } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: { in: [draft.id, archived.id, held.id] } } })).toBe(0);
  });
});

describe("archiveMeeting", () => {
  it("archives a meeting once held, or a cancelled one; refuses a draft, an upcoming meeting, an archived one", async () => {
    const upcoming = await createMeetingRow(db);
    const cancelled = await createMeetingRow(db, { status: "CANCELLED" });
    const draft = await createMeetingRow(db, { status: "DRAFT" });
    expect(await archiveMeeting(db, { actor, id: upcoming.id })).toEqual({ ok: false, reason: "MEETING_NOT_ENDED" });
    expect(await archiveMeeting(db, { actor, id: draft.id })).toEqual({ ok: false, reason: "NOT_PUBLISHED" });
    expect(await archiveMeeting(db, { actor, id: upcoming.id, now: new Date(upcoming.endsAt.getTime() + 1) })).toEqual({ ok: true, slug: upcoming.slug });
    expect(await archiveMeeting(db, { actor, id: cancelled.id })).toEqual({ ok: true, slug: cancelled.slug });
    expect(await archiveMeeting(db, { actor, id: cancelled.id })).toEqual({ ok: false, reason: "ALREADY_ARCHIVED" });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: upcoming.id } })).toMatchObject({ status: "ARCHIVED" });
    expect((await auditEntries(cancelled.id)).map((e) => [e.action, e.data])).toEqual([
      ["meeting.archive", { before: { status: "CANCELLED" }, after: { status: "ARCHIVED" } }],
    ]);
  });
});

describe("duplicateMeeting", () => {
  it("makes a draft copy with speakers and agenda, its own address, no registrations and no join link", async () => {
    const source = await createdMeeting({ title: "Formazione sul SAI" });
    await publishMeeting(db, { actor, id: source.id });
    await db.meeting.update({ where: { id: source.id }, data: { registrationOpensAt: null, registrationClosesAt: null, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) } });
    await registered(source.slug);

    const copy = await duplicateMeeting(db, { actor, id: source.id });
    expect(copy).toMatchObject({ ok: true, slug: "formazione-sul-sai-copia" });
    if (!copy.ok) return;
    const row = await db.meeting.findUniqueOrThrow({
      where: { id: copy.id },
      include: { speakers: { orderBy: { position: "asc" } }, agendaItems: { orderBy: { position: "asc" } }, registrations: true },
    });
    expect(row).toMatchObject({ status: "DRAFT", title: "Formazione sul SAI (copia)", joinUrl: null, joinUrlVersion: 0, publishedAt: null, capacity: 50 });
    expect(row.speakers.map((s) => [s.position, s.name, s.affiliation])).toEqual([
      [1, "Edoardo Barbarossa", "Fondazione Ebbene"],
      [2, "Anna Verdi", "Comune di Palermo"],
    ]);
    expect(row.agendaItems.map((a) => a.title)).toEqual(["Le occasioni del PNRR", "Confronto tra i partecipanti"]);
    expect(row.registrations).toEqual([]);
    expect(await getPublicMeeting(db, copy.slug)).toBeNull();

    const second = await duplicateMeeting(db, { actor, id: source.id });
    expect(second).toMatchObject({ ok: true, slug: "formazione-sul-sai-copia-2" });
    const [entry] = await auditEntries(copy.id);
    expect(entry).toMatchObject({ action: "meeting.duplicate", data: { details: { sourceMeetingId: source.id } } });
    expect(JSON.stringify(entry.data)).not.toContain("zoom.us");
    expect(await duplicateMeeting(db, { actor, id: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, reason: "NOT_FOUND" });
  });

  it("a copy starts with no dates, registration window or protocol number, in the editor and on the dashboard", async () => {
    const source = await createdMeeting({ title: "Tavolo del 2022", protocolNumber: "0227/15/03/22" });
    const copy = await duplicateMeeting(db, { actor, id: source.id });
    if (!copy.ok) throw new Error(copy.reason);
    const row = await db.meeting.findUniqueOrThrow({ where: { id: copy.id } });
    expect(row).toMatchObject({ protocolNumber: null, registrationOpensAt: null, registrationClosesAt: null, datesPending: true });
    const form = meetingToForm((await getDashboardMeeting(db, copy.id))!);
    expect(form).toMatchObject({ startsAt: "", endsAt: "", protocolNumber: "", registrationOpensAt: "", registrationClosesAt: "" });
    // Its placeholder dates are the source's, past or not: the overview still lists it, as a meeting to date.
    const overview = await getDashboardOverview(db, new Date("2031-01-01T00:00:00Z"));
    expect(overview.upcoming.find((meeting) => meeting.id === copy.id)).toMatchObject({ datesPending: true });

    const dated = await updateMeeting(db, {
      actor,
      id: copy.id,
      ...meetingSchema.parse({ ...form, title: "Tavolo di autunno", startsAt: "2030-10-01T10:00", endsAt: "2030-10-01T12:00" }),
    });
    expect(dated).toMatchObject({ ok: true });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
      datesPending: false,
      startsAt: new Date("2030-10-01T08:00:00Z"),
    });
  });
});

describe("publishing a copy", () => {
  const before2030 = new Date("2029-01-01T00:00:00Z");

  it("refuses a copy whose dates are not set yet, one whose title still ends in (copia), and a start already past", async () => {
    const source = await createdMeeting({ title: "Webinar sul SAI" });
    const copy = await duplicateMeeting(db, { actor, id: source.id });
    if (!copy.ok) throw new Error(copy.reason);
    expect(await publishMeeting(db, { actor, id: copy.id, now: before2030 })).toEqual({ ok: false, reason: "DATES_PENDING" });

    const form = meetingToForm((await getDashboardMeeting(db, copy.id))!);
    const dates = { startsAt: "2030-10-01T10:00", endsAt: "2030-10-01T12:00" };
    await updateMeeting(db, { actor, id: copy.id, ...meetingSchema.parse({ ...form, ...dates }) });
    expect(await publishMeeting(db, { actor, id: copy.id, now: before2030 })).toEqual({ ok: false, reason: "TITLE_IS_COPY" });
    expect(await publishMeeting(db, { actor, id: copy.id, now: new Date("2030-10-01T09:00:00Z") })).toEqual({ ok: false, reason: "STARTS_IN_PAST" });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: copy.id } })).status).toBe("DRAFT");

    await updateMeeting(db, { actor, id: copy.id, ...meetingSchema.parse({ ...form, ...dates, title: "Webinar di ottobre" }) });
    expect(await publishMeeting(db, { actor, id: copy.id, now: before2030 })).toMatchObject({ ok: true });
    expect((await auditEntries(copy.id)).map((entry) => entry.action)).toEqual(["meeting.duplicate", "meeting.update", "meeting.update", "meeting.publish"]);
  });

  it("the refusals read as Italian messages for the coordinator", () => {
    expect(meetingFailureErrors("publish", "DATES_PENDING").formError).toContain("Indica data e ora");
    expect(meetingFailureErrors("publish", "TITLE_IS_COPY").formError).toContain("«(copia)»");
    expect(meetingFailureErrors("publish", "STARTS_IN_PAST").formError).toContain("già passato");
  });

  it("a draft's address can be changed, to a valid one that is free", async () => {
    const source = await createdMeeting({ title: "Formazione regionale" });
    const copy = await duplicateMeeting(db, { actor, id: source.id });
    if (!copy.ok) throw new Error(copy.reason);
    expect(copy.slug).toBe("formazione-regionale-copia");
    const form = meetingToForm((await getDashboardMeeting(db, copy.id))!);
    const dates = { startsAt: "2030-10-01T10:00", endsAt: "2030-10-01T12:00" };

    expect(await updateMeeting(db, { actor, id: copy.id, ...meetingSchema.parse({ ...form, ...dates, slug: source.slug }) })).toEqual({
      ok: false,
      reason: "SLUG_TAKEN",
    });
    expect(meetingFailureErrors("update", "SLUG_TAKEN").fieldErrors.slug).toContain("già usato");
    expect(meetingSchema.safeParse({ ...form, ...dates, slug: "Formazione Ottobre!" }).success).toBe(false);
    expect(await updateMeeting(db, { actor, id: copy.id, ...meetingSchema.parse({ ...form, ...dates, slug: "formazione-ottobre-2030" }) })).toMatchObject({
      ok: true,
      slug: "formazione-ottobre-2030",
    });
  });
});
