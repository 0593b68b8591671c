import "server-only";
// What a coordinator does to a meeting's registrations, on one row or a
// selection: confirm from the waiting list, cancel (the freed seats go to
// the waiting list), register someone on their behalf, send the personal
// link again, record attendance. Each call is one transaction that writes
// the change, its emails and its audit entries together; a row selected
// twice counts once, so nobody gets the same email twice.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceMethod, AttendanceStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { recordAudit, recordExport } from "@/lib/audit/mutations";
import { isUniqueViolation, type Db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { withLockedMeeting } from "@/lib/meetings/lock";
import { generateToken } from "@/lib/platform/security/tokens";
import { registrationEmail } from "../emails";
import {
  markCancelled,
  personalLinkExpiry,
  promoteFromWaitingList,
  registerInTransaction,
  RegistrationRefused,
  renewPersonalLink,
  type RegisterFailure,
} from "../mutations";
import type { RegistrationInput } from "../schema";

type Actor = { id: string };

export type SkipReason = "NOT_FOUND" | "ALREADY_CANCELLED" | "NOT_WAITLISTED" | "CANCELLED" | "UNCHANGED";

export type Skipped = { id: string; reason: SkipReason };

export type BulkFailure = "MEETING_NOT_FOUND" | "NOTHING_SELECTED" | "MEETING_OVER" | "MEETING_CANCELLED";

export type BulkResult =
  | { ok: true; changed: string[]; skipped: Skipped[] }
  | { ok: false; reason: BulkFailure };

export type SelectionInput = { meetingId: string; ids: readonly string[]; now?: Date };

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The selected rows of this meeting, in arrival order; ids of other meetings or none count as not found. */
async function selectedRows(tx: Tx, meetingId: string, ids: string[]) {
  const rows = await tx.registration.findMany({
    where: { meetingId, id: { in: ids } },
    orderBy: { arrival: "asc" },
    select: { id: true, status: true, personId: true },
  });
  const found = new Set(rows.map((row) => row.id));
  const missing: Skipped[] = ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: "NOT_FOUND" }));
  return { rows, missing };
}

const statusChange = (before: RegistrationStatus, after: RegistrationStatus) => ({ before: { status: before }, after: { status: after } });

export type ConfirmResult =
  | { ok: true; changed: string[]; skipped: Skipped[] }
  | { ok: false; reason: BulkFailure }
  | { ok: false; reason: "FULL"; freeSeats: number; requested: number };

/**
 * Confirms waitlisted registrations, in arrival order, and tells each
 * person. Only into free seats: a selection larger than the seats left is
 * refused whole (FULL) unless the coordinator explicitly confirms over the
 * capacity (`overCapacity`).
 */
export async function confirmFromWaitingList(
  db: Db,
  { actor, ...input }: { actor: Actor } & SelectionInput & { overCapacity?: boolean },
): Promise<ConfirmResult> {
  const ids = unique(input.ids);
  if (ids.length === 0) return { ok: false, reason: "NOTHING_SELECTED" };
  const now = input.now ?? new Date();
  return withLockedMeeting(db, { id: input.meetingId }, async (tx, meeting): Promise<ConfirmResult> => {
    if (!meeting) return { ok: false, reason: "MEETING_NOT_FOUND" };
    if (meeting.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
    if (meeting.endsAt <= now) return { ok: false, reason: "MEETING_OVER" };
    const { rows, missing } = await selectedRows(tx, meeting.id, ids);
    const waiting = rows.filter((row) => row.status === "WAITLISTED");
    const skipped: Skipped[] = [
      ...missing,
      ...rows.filter((row) => row.status !== "WAITLISTED").map((row) => ({ id: row.id, reason: "NOT_WAITLISTED" as const })),
    ];
    if (meeting.capacity !== null && !input.overCapacity && waiting.length > 0) {
      const confirmed = await tx.registration.count({ where: { meetingId: meeting.id, status: "CONFIRMED" } });
      const freeSeats = Math.max(0, meeting.capacity - confirmed);
      if (waiting.length > freeSeats) return { ok: false, reason: "FULL", freeSeats, requested: waiting.length };
    }
    for (const row of waiting) {
      await tx.registration.update({ where: { id: row.id }, data: { status: "CONFIRMED", confirmedAt: now } });
      await enqueueEmail(tx, await registrationEmail(tx, { registrationId: row.id, token: null, template: "registration-promoted" }));
      await recordAudit(tx, {
        actor,
        action: "registration.confirm",
        entityType: "Registration",
        entityId: row.id,
        ...statusChange("WAITLISTED", "CONFIRMED"),
        details: { meetingId: meeting.id, overCapacity: Boolean(input.overCapacity), selected: ids.length },
      });
    }
    return { ok: true, changed: waiting.map((row) => row.id), skipped };
  });
}

export type CancelResult = { ok: true; changed: string[]; skipped: Skipped[]; promoted: string[] } | { ok: false; reason: BulkFailure };

/**
 * Cancels registrations and tells each person. Every confirmed seat freed
 * goes to the first person waiting, who is told too; the selection is
 * cancelled before anyone is promoted, so nobody selected is promoted and
 * then cancelled in the same breath.
 */
export async function cancelByCoordinator(db: Db, { actor, ...input }: { actor: Actor } & SelectionInput): Promise<CancelResult> {
  const ids = unique(input.ids);
  if (ids.length === 0) return { ok: false, reason: "NOTHING_SELECTED" };
  const now = input.now ?? new Date();
  return withLockedMeeting(db, { id: input.meetingId }, async (tx, meeting): Promise<CancelResult> => {
    if (!meeting) return { ok: false, reason: "MEETING_NOT_FOUND" };
    // Cancelling the meeting already told everyone: no second email per person.
    if (meeting.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
    if (meeting.endsAt <= now) return { ok: false, reason: "MEETING_OVER" };
    const { rows, missing } = await selectedRows(tx, meeting.id, ids);
    const live = rows.filter((row) => row.status !== "CANCELLED");
    const skipped: Skipped[] = [
      ...missing,
      ...rows.filter((row) => row.status === "CANCELLED").map((row) => ({ id: row.id, reason: "ALREADY_CANCELLED" as const })),
    ];
    for (const row of live) {
      await markCancelled(tx, { registrationId: row.id, now });
      await recordAudit(tx, {
        actor,
        action: "registration.cancel",
        entityType: "Registration",
        entityId: row.id,
        ...statusChange(row.status, "CANCELLED"),
        details: { meetingId: meeting.id, selected: ids.length },
      });
    }
    const promoted: string[] = [];
    const freed = live.filter((row) => row.status === "CONFIRMED").length;
    for (let seat = 0; seat < freed; seat++) {
      const id = await promoteFromWaitingList(tx, { meeting, now });
      if (!id) break;
      promoted.push(id);
      await recordAudit(tx, {
        actor,
        action: "registration.promote",
        entityType: "Registration",
        entityId: id,
        ...statusChange("WAITLISTED", "CONFIRMED"),
        details: { meetingId: meeting.id, cause: "cancellation" },
      });
    }
    return { ok: true, changed: live.map((row) => row.id), skipped, promoted };
  });
}

export type RegisterOnBehalfResult =
  | { ok: true; registrationId: string; status: "CONFIRMED" | "WAITLISTED" }
  | { ok: false; reason: RegisterFailure };

/**
 * A coordinator registers someone (source COORDINATOR): the same rules and
 * emails as registering oneself, so the person receives the confirmation
 * with their personal link, but the registration window does not apply.
 * Someone already registered is reported, and sent nothing.
 */
export async function registerOnBehalf(
  db: Db,
  { actor, ...input }: { actor: Actor; meetingId: string; registration: RegistrationInput; now?: Date },
): Promise<RegisterOnBehalfResult> {
  const token = generateToken();
  try {
    return await withLockedMeeting(db, { id: input.meetingId }, async (tx): Promise<RegisterOnBehalfResult> => {
      const result = await registerInTransaction(tx, {
        where: { id: input.meetingId },
        ...input.registration,
        token,
        options: {
          now: input.now,
          source: "COORDINATOR",
          byCoordinator: true,
        },
      });
      if (!result.ok) return result;
      await recordAudit(tx, {
        actor,
        action: "registration.create-on-behalf",
        entityType: "Registration",
        entityId: result.registrationId,
        after: {
          status: result.status,
          email: input.registration.email,
          organisationType: input.registration.organisationType,
        },
        details: { meetingId: input.meetingId },
      });
      return { ok: true, registrationId: result.registrationId, status: result.status };
    });
  } catch (error) {
    if (error instanceof RegistrationRefused) return { ok: false, reason: error.reason };
    if (isUniqueViolation(error)) return { ok: false, reason: "ALREADY_REGISTERED" };
    throw error;
  }
}

/**
 * Sends each selected person a new personal link; the previous one stops
 * working. Cancelled registrations are skipped.
 */
export async function resendPersonalLinks(db: Db, { actor, ...input }: { actor: Actor } & SelectionInput): Promise<BulkResult> {
  const ids = unique(input.ids);
  if (ids.length === 0) return { ok: false, reason: "NOTHING_SELECTED" };
  return db.$transaction(async (tx): Promise<BulkResult> => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { id: true, endsAt: true, status: true } });
    if (!meeting) return { ok: false, reason: "MEETING_NOT_FOUND" };
    if (meeting.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
    const { rows, missing } = await selectedRows(tx, meeting.id, ids);
    const live = rows.filter((row) => row.status !== "CANCELLED");
    const skipped: Skipped[] = [...missing, ...rows.filter((row) => row.status === "CANCELLED").map((row) => ({ id: row.id, reason: "CANCELLED" as const }))];
    for (const row of live) {
      // The meeting may have moved since: the new link lives as long as it should.
      await renewPersonalLink(tx, { registrationId: row.id, token: generateToken(), data: { tokenExpiresAt: personalLinkExpiry(meeting) } });
      await recordAudit(tx, {
        actor,
        action: "registration.resend-link",
        entityType: "Registration",
        entityId: row.id,
        details: { meetingId: meeting.id, selected: ids.length },
      });
    }
    return { ok: true, changed: live.map((row) => row.id), skipped };
  });
}

/** PRESENT/ABSENT by hand, or CHECK_IN: present, with the time of arrival. */
export type AttendanceMark = "PRESENT" | "ABSENT" | "CHECK_IN";

const MARKS: Record<AttendanceMark, { status: AttendanceStatus; method: AttendanceMethod }> = {
  PRESENT: { status: "PRESENT", method: "MANUAL" },
  ABSENT: { status: "ABSENT", method: "MANUAL" },
  CHECK_IN: { status: "PRESENT", method: "CHECK_IN" },
};

/**
 * Records attendance for live registrations (confirmed or waitlisted: someone
 * waiting may still turn up). A check-in keeps the first arrival time;
 * marking what is already recorded changes nothing and is reported as such.
 */
export async function setAttendance(db: Db, { actor, ...input }: { actor: Actor } & SelectionInput & { mark: AttendanceMark }): Promise<BulkResult> {
  const ids = unique(input.ids);
  if (ids.length === 0) return { ok: false, reason: "NOTHING_SELECTED" };
  const now = input.now ?? new Date();
  const { status, method } = MARKS[input.mark];
  return db.$transaction(async (tx): Promise<BulkResult> => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { id: true } });
    if (!meeting) return { ok: false, reason: "MEETING_NOT_FOUND" };
    const { rows, missing } = await selectedRows(tx, meeting.id, ids);
    const skipped: Skipped[] = [...missing];
    const changed: string[] = [];
    const current = await tx.attendance.findMany({
      where: { registrationId: { in: rows.map((row) => row.id) } },
      select: { registrationId: true, status: true, method: true, checkedInAt: true },
    });
    const before = new Map(current.map((row) => [row.registrationId, row]));
    for (const row of rows) {
      if (row.status === "CANCELLED") {
        skipped.push({ id: row.id, reason: "CANCELLED" });
        continue;
      }
      const previous = before.get(row.id);
      const unchanged = previous?.status === status && (input.mark !== "CHECK_IN" || previous.checkedInAt !== null);
      if (unchanged) {
        skipped.push({ id: row.id, reason: "UNCHANGED" });
        continue;
      }
      const checkedInAt = status === "ABSENT" ? null : input.mark === "CHECK_IN" ? (previous?.checkedInAt ?? now) : (previous?.checkedInAt ?? null);
      const data = { status, method, checkedInAt, recordedById: actor.id };
      await tx.attendance.upsert({ where: { registrationId: row.id }, create: { registrationId: row.id, ...data }, update: data });
      await recordAudit(tx, {
        actor,
        action: input.mark === "CHECK_IN" ? "registration.check-in" : "registration.attendance",
        entityType: "Registration",
        entityId: row.id,
        before: previous ? { status: previous.status, method: previous.method } : null,
        after: { status, method, checkedInAt: checkedInAt?.toISOString() ?? null },
        details: { meetingId: meeting.id, selected: ids.length },
      });
      changed.push(row.id);
    }
    return { ok: true, changed, skipped };
  });
}

/** Who exported which registrations and how: personal data leaving the portal is on the record. */
export async function recordRegistrationsExport(
  db: Db,
  { actor, ...input }: { actor: Actor; meetingId: string; format: "csv" | "xlsx"; rows: number; filters: Prisma.InputJsonValue },
): Promise<{ ok: true }> {
  await db.$transaction((tx) =>
    recordExport(tx, {
      actor,
      action: "registration.export",
      entityType: "Meeting",
      entityId: input.meetingId,
      details: { format: input.format, rows: input.rows, filters: input.filters },
    }),
  );
  return { ok: true };
}
