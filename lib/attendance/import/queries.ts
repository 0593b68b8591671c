import "server-only";
// Reads for the attendance import: the registrations a report is matched
// against, an import with its participants, a meeting's imports.
import type { Db } from "@/lib/db";
import type { AttendancePlatform } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { participantsSchema } from "./parse";
import type { PlanRegistrant } from "./plan";
import type { Participant } from "./sessions";
import { importSummarySchema, type ImportSummary } from "./summary";

type Reader = Db | Prisma.TransactionClient;

/** The meeting's live registrations (confirmed or waitlisted; not erased), with their attendance, by name. */
export async function loadPlanRegistrants(db: Reader, meetingId: string): Promise<PlanRegistrant[]> {
  const rows = await db.registration.findMany({
    where: { meetingId, status: { in: ["CONFIRMED", "WAITLISTED"] }, person: { erasedAt: null } },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { arrival: "asc" }],
    select: {
      id: true,
      status: true,
      person: { select: { firstName: true, lastName: true, email: true } },
      attendance: { select: { status: true, minutes: true, method: true } },
    },
  });
  return rows.map((row) => ({ id: row.id, status: row.status, ...row.person, attendance: row.attendance }));
}

const userName = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : null);

export type AttendanceImportDetail = {
  id: string;
  meetingId: string;
  platform: AttendancePlatform;
  fileName: string;
  createdAt: Date;
  createdBy: string | null;
  appliedAt: Date | null;
  appliedBy: string | null;
  participants: Participant[];
  summary: ImportSummary | null;
};

/** One import of this meeting; null for another meeting's, an unknown id, or rows that are not what we stored. */
/** What the history and the import's own page both show of an import. */
const importSelect = {
  id: true,
  platform: true,
  fileName: true,
  createdAt: true,
  appliedAt: true,
  rows: true,
  summary: true,
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.AttendanceImportSelect;

export async function getAttendanceImport(db: Db, { meetingId, importId }: { meetingId: string; importId: string }): Promise<AttendanceImportDetail | null> {
  const found = await db.attendanceImport.findFirst({
    where: { id: importId, meetingId },
    select: { ...importSelect, meetingId: true, appliedBy: { select: { name: true, email: true } } },
  });
  if (!found) return null;
  const participants = participantsSchema.safeParse(found.rows);
  if (!participants.success) return null;
  const summary = importSummarySchema.safeParse(found.summary);
  return {
    id: found.id,
    meetingId: found.meetingId,
    platform: found.platform,
    fileName: found.fileName,
    createdAt: found.createdAt,
    createdBy: userName(found.createdBy),
    appliedAt: found.appliedAt,
    appliedBy: userName(found.appliedBy),
    participants: participants.data,
    summary: summary.success ? summary.data : null,
  };
}

export type AttendanceImportListItem = {
  id: string;
  platform: AttendancePlatform;
  fileName: string;
  createdAt: Date;
  createdBy: string | null;
  appliedAt: Date | null;
  participants: number;
  summary: ImportSummary | null;
};

/** The meeting's imports, latest first. */
export async function listAttendanceImports(db: Db, meetingId: string): Promise<AttendanceImportListItem[]> {
  const rows = await db.attendanceImport.findMany({
    where: { meetingId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: importSelect,
  });
  return rows.map((row) => {
    const summary = importSummarySchema.safeParse(row.summary);
    return {
      id: row.id,
      platform: row.platform,
      fileName: row.fileName,
      createdAt: row.createdAt,
      createdBy: userName(row.createdBy),
      appliedAt: row.appliedAt,
      participants: Array.isArray(row.rows) ? row.rows.length : 0,
      summary: summary.success ? summary.data : null,
    };
  });
}
