import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/database";
import { createMeeting, createRegistrationRecord, createUser } from "../../test/factories";
import { issueCertificates } from "../../certificates/mutations";
import { getCertificatesOverview } from "../../certificates/queries";
import { setAttendance } from "../../registrations/dashboard/mutations";
import { correctAttendance } from "../manual/mutations";
import { applyAttendanceImport, createAttendanceImport } from "./mutations";
import { parseAttendanceReport } from "./parse";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");
const actor = { id: coordinator.id };

function zoomParticipants() {
  const bytes = new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", "zoom-participants-en.csv")));
  const parsed = parseAttendanceReport(bytes);
  if (!parsed.ok) throw new Error(parsed.code);
  return parsed.participants;
}

/**
 * The Zoom sample's people as registrants: Verdi by email, Rossi by name
 * (the report has "Rossi Maria", no email), Bianchi by email, two Rosalia
 * Lo Presti (the report's "Lo Presti, Rosalia" is ambiguous), and Neri, who
 * is confirmed but not in the report. The host is in no registration.
 */
async function meetingWithRegistrants() {
  const meeting = await createMeeting(db);
  const tag = meeting.slug;
  const add = (firstName: string, lastName: string, local: string, status?: "WAITLISTED" | "CANCELLED") =>
    createRegistrationRecord(db, meeting.id, { firstName, lastName, email: `${local}.${tag}@comune.example.it`, status });
  const verdi = await add("Giuseppe", "Verdi", "verdi");
  const rossi = await add("Maria", "Rossi", "rossi");
  const lopresti1 = await add("Rosalia", "Lo Presti", "lopresti1");
  const lopresti2 = await add("Rosalia", "Lo Presti", "lopresti2", "WAITLISTED");
  const neri = await add("Paolo", "Neri", "neri");
  const participants = zoomParticipants().map((participant) =>
    participant.email && participant.email !== "coordinamento@anci.example.it"
      ? { ...participant, email: participant.email.replace("@", `.${tag}@`).replace("g.verdi.", "verdi.").replace("c.bianchi.", "bianchi.") }
      : participant,
  );
  const bianchi = await add("Carla", "Bianchi", "bianchi");
  return { meeting, participants, ids: { verdi: verdi.id, rossi: rossi.id, lopresti1: lopresti1.id, lopresti2: lopresti2.id, neri: neri.id, bianchi: bianchi.id } };
}

async function upload(meetingId: string, participants: ReturnType<typeof zoomParticipants>) {
  const created = await createAttendanceImport(db, {
    actor,
    meetingId,
    platform: "ZOOM",
    fileName: "partecipanti.csv",
    fileHash: "0".repeat(64),
    participants,
  });
  if (!created.ok) throw new Error(created.reason);
  return created.id;
}

const attendanceOf = async (ids: string[]) => {
  const rows = await db.attendance.findMany({ where: { registrationId: { in: ids } }, select: { registrationId: true, status: true, minutes: true, method: true } });
  return Object.fromEntries(ids.map((id) => [id, rows.find((row) => row.registrationId === id) ?? null].map((value) => (typeof value === "object" && value ? { status: value.status, minutes: value.minutes, method: value.method } : value))));
};

describe("applyAttendanceImport", () => {
  it("marks the matched present with the report's minutes, the chosen one of an ambiguous pair too, audited with the upload", async () => {
    const { meeting, participants, ids } = await meetingWithRegistrants();
    const importId = await upload(meeting.id, participants);
    const ambiguousRow = participants.findIndex((participant) => participant.name === "Lo Presti, Rosalia");

    const result = await applyAttendanceImport(db, {
      actor,
      meetingId: meeting.id,
      importId,
      choices: [{ row: ambiguousRow, registrationId: ids.lopresti2 }],
      markAbsent: false,
      overwriteManual: false,
    });
    expect(result).toMatchObject({ ok: true, summary: { present: 4, absent: 0, unchanged: 0, keptManual: 0, unmatched: 1, unresolved: 0 } });
    expect(await attendanceOf(Object.values(ids))).toEqual({
      [ids.verdi]: { status: "PRESENT", minutes: 85, method: "PLATFORM_REPORT" },
      [ids.rossi]: { status: "PRESENT", minutes: 60, method: "PLATFORM_REPORT" },
      [ids.bianchi]: { status: "PRESENT", minutes: 75, method: "PLATFORM_REPORT" },
      [ids.lopresti1]: null,
      [ids.lopresti2]: { status: "PRESENT", minutes: 25, method: "PLATFORM_REPORT" },
      [ids.neri]: null,
    });

    const entries = await db.auditEntry.findMany({ where: { OR: [{ entityId: meeting.id }, { entityId: { in: Object.values(ids) } }] }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.action).sort()).toEqual(["attendance-import.apply", "attendance-import.upload", ...Array(4).fill("attendance.import")].sort());
    const verdiEntry = entries.find((entry) => entry.entityId === ids.verdi);
    expect(verdiEntry).toMatchObject({ actorId: coordinator.id, entityType: "Registration" });
    expect(verdiEntry?.data).not.toHaveProperty("before");
    expect(verdiEntry?.data).toMatchObject({ after: { status: "PRESENT", minutes: 85, method: "PLATFORM_REPORT" } });
  });

  it("is idempotent: the same import is refused a second time, and the same report uploaded again changes nothing", async () => {
    const { meeting, participants, ids } = await meetingWithRegistrants();
    const input = { meetingId: meeting.id, choices: [], markAbsent: true, overwriteManual: false };
    const first = await upload(meeting.id, participants);
    expect(await applyAttendanceImport(db, { actor, ...input, importId: first })).toMatchObject({ ok: true, summary: { present: 3, absent: 2 } });
    const before = await attendanceOf(Object.values(ids));
    const updatedBefore = await db.attendance.findMany({ where: { registrationId: { in: Object.values(ids) } }, select: { updatedAt: true } });

    expect(await applyAttendanceImport(db, { actor, ...input, importId: first })).toEqual({ ok: false, reason: "ALREADY_APPLIED" });
    const second = await upload(meeting.id, participants);
    expect(await applyAttendanceImport(db, { actor, ...input, importId: second })).toMatchObject({
      ok: true,
      summary: { present: 0, absent: 0, unchanged: 5, changes: [] },
    });

    expect(await attendanceOf(Object.values(ids))).toEqual(before);
    const updatedAfter = await db.attendance.findMany({ where: { registrationId: { in: Object.values(ids) } }, select: { updatedAt: true } });
    expect(updatedAfter).toEqual(updatedBefore);
    expect(await db.auditEntry.count({ where: { action: "attendance.import", entityId: { in: Object.values(ids) } } })).toBe(5);
  });

  it("marks the other confirmed registrants absent only when asked; the waitlisted are not 'the others'", async () => {
    const { meeting, participants, ids } = await meetingWithRegistrants();
    const importId = await upload(meeting.id, participants);
    await applyAttendanceImport(db, { actor, meetingId: meeting.id, importId, choices: [], markAbsent: true, overwriteManual: false });
    const after = await attendanceOf([ids.neri, ids.lopresti1, ids.lopresti2]);
    expect(after).toEqual({
      [ids.neri]: { status: "ABSENT", minutes: null, method: "PLATFORM_REPORT" },
      [ids.lopresti1]: { status: "ABSENT", minutes: null, method: "PLATFORM_REPORT" },
      [ids.lopresti2]: null,
    });
  });

  it("keeps a record corrected by hand, unless the coordinator ticks the overwrite", async () => {
    const { meeting, participants, ids } = await meetingWithRegistrants();
    expect(await correctAttendance(db, { actor, meetingId: meeting.id, registrationId: ids.verdi, status: "PRESENT", minutes: 120 })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await correctAttendance(db, { actor, meetingId: meeting.id, registrationId: ids.neri, status: "PRESENT", minutes: 30 })).toEqual({
      ok: true,
      changed: true,
    });

    const kept = await upload(meeting.id, participants);
    expect(
      await applyAttendanceImport(db, { actor, meetingId: meeting.id, importId: kept, choices: [], markAbsent: true, overwriteManual: false }),
    ).toMatchObject({
      ok: true,
      summary: { keptManual: 2, overwritten: 0 },
    });
    expect(await attendanceOf([ids.verdi, ids.neri])).toEqual({
      [ids.verdi]: { status: "PRESENT", minutes: 120, method: "MANUAL" },
      [ids.neri]: { status: "PRESENT", minutes: 30, method: "MANUAL" },
    });

    const overwritten = await upload(meeting.id, participants);
    expect(
      await applyAttendanceImport(db, { actor, meetingId: meeting.id, importId: overwritten, choices: [], markAbsent: true, overwriteManual: true }),
    ).toMatchObject({
      ok: true,
      summary: { keptManual: 0, overwritten: 2 },
    });
    expect(await attendanceOf([ids.verdi, ids.neri])).toEqual({
      [ids.verdi]: { status: "PRESENT", minutes: 85, method: "PLATFORM_REPORT" },
      [ids.neri]: { status: "ABSENT", minutes: null, method: "PLATFORM_REPORT" },
    });
  });

  it("refuses a choice that is not among the row's candidates, applying nothing; and another meeting's import", async () => {
    const { meeting, participants, ids } = await meetingWithRegistrants();
    const importId = await upload(meeting.id, participants);
    const row = participants.findIndex((participant) => participant.name === "Lo Presti, Rosalia");
    expect(
      await applyAttendanceImport(db, {
        actor,
        meetingId: meeting.id,
        importId,
        choices: [{ row, registrationId: ids.neri }],
        markAbsent: false,
        overwriteManual: false,
      }),
    ).toEqual({
      ok: false,
      reason: "STALE_CHOICE",
    });
    expect(await db.attendance.count({ where: { registrationId: { in: Object.values(ids) } } })).toBe(0);
    const other = await createMeeting(db);
    expect(await applyAttendanceImport(db, { actor, meetingId: other.id, importId, choices: [], markAbsent: false, overwriteManual: false })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });
});

describe("a check-in and the report's minutes", () => {
  it("a person checked in and then found in an imported report with 90 minutes has 90 minutes and gets the attestato (threshold 60)", async () => {
    const startsAt = new Date(Date.now() - 3 * 3600_000);
    const meeting = await createMeeting(db, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), registrationOpensAt: new Date(Date.now() - 48 * 3600_000) });
    const tag = meeting.slug;
    const verdi = await createRegistrationRecord(db, meeting.id, { firstName: "Giuseppe", lastName: "Verdi", email: `verdi.${tag}@comune.example.it` });
    const rossi = await createRegistrationRecord(db, meeting.id, { firstName: "Maria", lastName: "Rossi", email: `rossi.${tag}@comune.example.it` });
    const typed = await createRegistrationRecord(db, meeting.id, { firstName: "Paolo", lastName: "Neri", email: `neri.${tag}@comune.example.it` });
    expect(await setAttendance(db, { actor, meetingId: meeting.id, ids: [verdi.id, rossi.id], mark: "CHECK_IN" })).toMatchObject({ ok: true });
    expect(await correctAttendance(db, { actor, meetingId: meeting.id, registrationId: typed.id, status: "PRESENT", minutes: 40 })).toMatchObject({ ok: true });

    const row = (name: string, email: string, minutes: number) => ({ name, altName: null, email, minutes, seconds: minutes * 60, sessions: 1, intervals: null });
    const importId = await upload(meeting.id, [row("Giuseppe Verdi", `verdi.${tag}@comune.example.it`, 90), row("Paolo Neri", `neri.${tag}@comune.example.it`, 100)]);
    expect(await applyAttendanceImport(db, { actor, meetingId: meeting.id, importId, choices: [], markAbsent: true, overwriteManual: false })).toMatchObject({
      ok: true,
      summary: { present: 1, absent: 0, keptManual: 2 },
    });
    const after = await db.attendance.findMany({ where: { registrationId: { in: [verdi.id, rossi.id, typed.id] } } });
    const of = (id: string) => after.find((attendance) => attendance.registrationId === id);
    // The check-in's arrival time stays; the minutes come from the report.
    expect(of(verdi.id)).toMatchObject({ status: "PRESENT", minutes: 90, method: "PLATFORM_REPORT" });
    expect(of(verdi.id)?.checkedInAt).not.toBeNull();
    // Checked in, not in the report: still present, not marked absent.
    expect(of(rossi.id)).toMatchObject({ status: "PRESENT", minutes: null, method: "CHECK_IN" });
    // Minutes typed by a coordinator win over the report.
    expect(of(typed.id)).toMatchObject({ status: "PRESENT", minutes: 40, method: "MANUAL" });

    const overview = await getCertificatesOverview(db, meeting.id);
    expect(overview?.presentWithoutMinutes.map((entry) => entry.lastName)).toEqual(["Rossi"]);
    expect(await issueCertificates(db, { actor, meetingId: meeting.id, registrationIds: [verdi.id] })).toMatchObject({ ok: true, issued: [verdi.id] });
    expect(await db.certificate.findUniqueOrThrow({ where: { registrationId: verdi.id }, select: { minutes: true } })).toEqual({ minutes: 90 });
  });
});

describe("correctAttendance", () => {
  it("records present with minutes or absent by hand, audited with before and after; the same again changes nothing", async () => {
    const { meeting, ids } = await meetingWithRegistrants();
    const input = { meetingId: meeting.id, registrationId: ids.rossi };
    expect(await correctAttendance(db, { actor, ...input, status: "PRESENT", minutes: 45 })).toEqual({ ok: true, changed: true });
    expect(await correctAttendance(db, { actor, ...input, status: "PRESENT", minutes: 45 })).toEqual({ ok: true, changed: false });
    expect(await correctAttendance(db, { actor, ...input, status: "ABSENT", minutes: 45 })).toEqual({ ok: true, changed: true });
    expect(await attendanceOf([ids.rossi])).toEqual({ [ids.rossi]: { status: "ABSENT", minutes: null, method: "MANUAL" } });
    const entries = await db.auditEntry.findMany({ where: { action: "registration.attendance", entityId: ids.rossi }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => entry.data)).toEqual([
      { after: { status: "PRESENT", minutes: 45, method: "MANUAL" }, details: { meetingId: meeting.id } },
      { before: { status: "PRESENT", minutes: 45, method: "MANUAL" }, after: { status: "ABSENT", minutes: null, method: "MANUAL" }, details: { meetingId: meeting.id } },
    ]);
  });

  it("refuses a cancelled registration and another meeting's", async () => {
    const { meeting, ids } = await meetingWithRegistrants();
    const cancelled = await createRegistrationRecord(db, meeting.id, { firstName: "Anna", lastName: "Annullata", email: `annullata.${meeting.slug}@example.it`, status: "CANCELLED" });
    expect(await correctAttendance(db, { actor, meetingId: meeting.id, registrationId: cancelled.id, status: "PRESENT", minutes: 10 })).toEqual({
      ok: false,
      reason: "CANCELLED",
    });
    const other = await createMeeting(db);
    expect(await correctAttendance(db, { actor, meetingId: other.id, registrationId: ids.rossi, status: "PRESENT", minutes: 10 })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });
});
