import "server-only";
// Storing an uploaded report, and applying it: one transaction that locks
// the import, plans again against the registrations as they are and writes
// presence and minutes. Applying the same import twice is refused; applying
// another upload of the same report changes nothing, as every record is
// already so.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AttendancePlatform } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/mutations";
import { isUniqueViolation, type Tx } from "@/lib/db";
import { participantsSchema } from "./parse";
import { planAttendance, writesOf } from "./plan";
import { loadPlanRegistrants } from "./queries";
import type { Participant } from "./sessions";
import type { ImportSummary } from "./summary";

type Actor = { id: string };

export async function createAttendanceImport(
  db: PrismaClient,
  { actor, ...input }: { actor: Actor; meetingId: string; platform: AttendancePlatform; fileName: string; fileHash: string; participants: Participant[] },
): Promise<{ ok: true; id: string } | { ok: false; reason: "MEETING_NOT_FOUND" }> {
  return db.$transaction(async (tx: Tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id: input.meetingId }, select: { id: true } });
    if (!meeting) return { ok: false as const, reason: "MEETING_NOT_FOUND" as const };
    const created = await tx.attendanceImport.create({
      data: {
        meetingId: meeting.id,
        platform: input.platform,
        fileName: input.fileName,
        fileHash: input.fileHash,
        rows: input.participants,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "attendance-import.upload",
      entityType: "Meeting",
      entityId: meeting.id,
      details: { importId: created.id, platform: input.platform, fileName: input.fileName, fileHash: input.fileHash, participants: input.participants.length },
    });
    return { ok: true as const, id: created.id };
  });
}

export type ApplyAttendanceInput = {
  meetingId: string;
  importId: string;
  /** The registration chosen for each ambiguous row (the row's index in the import); null: none. */
  choices: { row: number; registrationId: string | null }[];
  markAbsent: boolean;
  overwriteManual: boolean;
};

export type ApplyAttendanceResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; reason: "NOT_FOUND" | "ALREADY_APPLIED" | "STALE_CHOICE" | "CONFLICT" };

export async function applyAttendanceImport(db: PrismaClient, { actor, ...input }: { actor: Actor } & ApplyAttendanceInput): Promise<ApplyAttendanceResult> {
  try {
    return await db.$transaction(async (tx: Tx): Promise<ApplyAttendanceResult> => {
      const [locked] = await tx.$queryRaw<{ appliedAt: Date | null; rows: unknown }[]>`
        SELECT "appliedAt", rows FROM "AttendanceImport"
        WHERE id = ${input.importId}::uuid AND "meetingId" = ${input.meetingId}::uuid FOR UPDATE`;
      if (!locked) return { ok: false, reason: "NOT_FOUND" };
      if (locked.appliedAt) return { ok: false, reason: "ALREADY_APPLIED" };
      const participants = participantsSchema.safeParse(locked.rows);
      if (!participants.success) return { ok: false, reason: "NOT_FOUND" };

      const registrants = await loadPlanRegistrants(tx, input.meetingId);
      const choices = new Map(input.choices.map((choice) => [choice.row, choice.registrationId]));
      const plan = planAttendance(participants.data, registrants, { choices, markAbsent: input.markAbsent, overwriteManual: input.overwriteManual });
      // A choice the page offered that is no longer a candidate (a registration cancelled meanwhile): nothing is applied.
      if (plan.choiceErrors.length > 0) return { ok: false, reason: "STALE_CHOICE" };

      const writes = writesOf(plan, input.markAbsent);
      const existing = await tx.attendance.findMany({
        where: { registrationId: { in: writes.map((target) => target.registrant.id) } },
        select: { registrationId: true, checkedInAt: true },
      });
      const checkedIn = new Map(existing.map((row) => [row.registrationId, row.checkedInAt]));
      for (const target of writes) {
        const { status, minutes, method } = target.after;
        const checkedInAt = status === "ABSENT" ? null : (checkedIn.get(target.registrant.id) ?? null);
        const data = { status, minutes, method, checkedInAt, recordedById: actor.id };
        await tx.attendance.upsert({
          where: { registrationId: target.registrant.id },
          create: { registrationId: target.registrant.id, ...data },
          update: data,
        });
        await recordAudit(tx, {
          actor,
          action: "attendance.import",
          entityType: "Registration",
          entityId: target.registrant.id,
          before: target.registrant.attendance,
          after: target.after,
          details: { meetingId: input.meetingId, importId: input.importId, rows: target.rows.length },
        });
      }

      const considered = [...plan.present, ...(input.markAbsent ? plan.missing : [])];
      const count = (outcome: string) => considered.filter((target) => target.outcome === outcome).length;
      const summary: ImportSummary = {
        present: writes.filter((target) => target.after.status === "PRESENT").length,
        absent: writes.filter((target) => target.after.status === "ABSENT").length,
        unchanged: count("unchanged"),
        keptManual: count("keep-manual"),
        overwritten: count("overwrite-manual"),
        unmatched: plan.rows.filter((row) => row.match.kind === "unmatched").length,
        unresolved: plan.rows.filter((row) => row.match.kind === "ambiguous" && !row.registrationId).length,
        markAbsent: input.markAbsent,
        overwriteManual: input.overwriteManual,
        changes: considered
          .filter((target) => target.outcome !== "unchanged")
          .map((target) => ({
            registrationId: target.registrant.id,
            name: `${target.registrant.firstName} ${target.registrant.lastName}`,
            status: target.after.status,
            minutes: target.after.minutes,
            outcome: target.outcome,
          })),
      };
      await tx.attendanceImport.update({ where: { id: input.importId }, data: { appliedAt: new Date(), appliedById: actor.id, summary } });
      await recordAudit(tx, {
        actor,
        action: "attendance-import.apply",
        entityType: "Meeting",
        entityId: input.meetingId,
        details: {
          importId: input.importId,
          present: summary.present,
          absent: summary.absent,
          unchanged: summary.unchanged,
          keptManual: summary.keptManual,
          overwritten: summary.overwritten,
          unmatched: summary.unmatched,
          unresolved: summary.unresolved,
        },
      });
      return { ok: true, summary };
    });
  } catch (error) {
    // A record created meanwhile by a manual correction: nothing was applied; applying again plans with it.
    if (isUniqueViolation(error)) return { ok: false, reason: "CONFLICT" };
    throw error;
  }
}
