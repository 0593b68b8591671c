import "server-only";
// A coordinator's correction of one registrant's attendance: present or
// absent, with the minutes. Recorded as MANUAL, so a later report import
// keeps it unless told to overwrite. Same audit action as the registrations
// table's "present" / "absent" buttons (lib/registrations/dashboard), with
// the minutes too.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/mutations";
import { isUniqueViolation, type Tx } from "@/lib/db";

export type CorrectAttendanceInput = { meetingId: string; registrationId: string; status: AttendanceStatus; minutes: number | null };

export type CorrectAttendanceResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "NOT_FOUND" | "CANCELLED" | "CONFLICT" };

export async function correctAttendance(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string } } & CorrectAttendanceInput,
): Promise<CorrectAttendanceResult> {
  const minutes = input.status === "ABSENT" ? null : input.minutes;
  try {
    return await db.$transaction(async (tx: Tx): Promise<CorrectAttendanceResult> => {
      const [registration] = await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT id, status::text AS status FROM "Registration"
        WHERE id = ${input.registrationId}::uuid AND "meetingId" = ${input.meetingId}::uuid FOR UPDATE`;
      if (!registration) return { ok: false, reason: "NOT_FOUND" };
      if (registration.status === "CANCELLED") return { ok: false, reason: "CANCELLED" };
      const previous = await tx.attendance.findUnique({
        where: { registrationId: registration.id },
        select: { status: true, minutes: true, method: true, checkedInAt: true },
      });
      if (previous && previous.status === input.status && previous.minutes === minutes && previous.method === "MANUAL") return { ok: true, changed: false };
      const checkedInAt = input.status === "ABSENT" ? null : (previous?.checkedInAt ?? null);
      const data = { status: input.status, minutes, method: "MANUAL" as const, checkedInAt, recordedById: actor.id };
      await tx.attendance.upsert({ where: { registrationId: registration.id }, create: { registrationId: registration.id, ...data }, update: data });
      await recordAudit(tx, {
        actor,
        action: "registration.attendance",
        entityType: "Registration",
        entityId: registration.id,
        before: previous ? { status: previous.status, minutes: previous.minutes, method: previous.method } : null,
        after: { status: input.status, minutes, method: "MANUAL" },
        details: { meetingId: input.meetingId },
      });
      return { ok: true, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "CONFLICT" };
    throw error;
  }
}
