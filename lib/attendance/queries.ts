import "server-only";
// The attendance page's rows: the meeting's confirmed registrants with what
// is recorded of their attendance.
import type { Db } from "@/lib/db";
import type { AttendanceMethod, AttendanceStatus } from "@/lib/generated/prisma/enums";
import { organisationLabel } from "@/lib/registrations/dashboard/queries";

export type AttendanceRow = {
  registrationId: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  attendance: { status: AttendanceStatus; minutes: number | null; method: AttendanceMethod; updatedAt: Date } | null;
};

export async function listMeetingAttendance(db: Db, meetingId: string): Promise<AttendanceRow[]> {
  const rows = await db.registration.findMany({
    where: { meetingId, status: "CONFIRMED" },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { arrival: "asc" }],
    select: {
      id: true,
      organisationType: true,
      organisationName: true,
      municipality: { select: { name: true, province: true } },
      managingBody: { select: { name: true } },
      person: { select: { firstName: true, lastName: true, email: true } },
      attendance: { select: { status: true, minutes: true, method: true, updatedAt: true } },
    },
  });
  return rows.map((row) => ({
    registrationId: row.id,
    ...row.person,
    organisation: organisationLabel(row),
    attendance: row.attendance,
  }));
}
