import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { whenAndWhereSelect } from "./when-and-where";

/** The letterhead and signature of a convocation, which a new one usually repeats. */
const letterheadSelect = {
  salutation: true,
  closing: true,
  signatoryName: true,
  signatoryTitle: true,
  fundingFund: true,
  fundingLine: true,
  projectCode: true,
  projectName: true,
  projectWebsite: true,
} as const satisfies Prisma.MeetingSelect;

/** What the public may see of a meeting: everything but the join link. */
export const publicMeetingSelect = {
  id: true,
  slug: true,
  kind: true,
  status: true,
  title: true,
  subject: true,
  placeAndDate: true,
  protocolNumber: true,
  ...whenAndWhereSelect,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  invitesManagingBodies: true,
  body: true,
  ...letterheadSelect,
  publishedAt: true,
  cancelledAt: true,
  cancellationReason: true,
  updatedAt: true,
  speakers: { orderBy: { position: "asc" } },
  agendaItems: { orderBy: { position: "asc" } },
} satisfies Prisma.MeetingSelect;

export type PublicMeeting = Prisma.MeetingGetPayload<{ select: typeof publicMeetingSelect }>;

const PUBLIC_STATUSES = ["PUBLISHED", "CANCELLED", "ARCHIVED"] as const;

/** A meeting the public may read; drafts and unknown slugs give null. */
export async function getPublicMeeting(db: Db, slug: string): Promise<PublicMeeting | null> {
  return db.meeting.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    select: publicMeetingSelect,
  });
}

export type MeetingSummary = Prisma.MeetingGetPayload<{
  select: {
    slug: true;
    kind: true;
    status: true;
    title: true;
    startsAt: true;
    endsAt: true;
    mode: true;
    venueName: true;
    registrationOpensAt: true;
    registrationClosesAt: true;
  };
}>;

const summarySelect = {
  slug: true,
  kind: true,
  status: true,
  title: true,
  startsAt: true,
  endsAt: true,
  mode: true,
  venueName: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
} satisfies Prisma.MeetingSelect;

/** Home page lists: meetings not yet ended (soonest first) and past ones (latest first). */
export async function listPublicMeetings(db: Db, now: Date) {
  const [upcoming, past] = await Promise.all([
    db.meeting.findMany({
      where: { status: { in: ["PUBLISHED", "CANCELLED"] }, endsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      select: summarySelect,
    }),
    db.meeting.findMany({
      where: { status: { in: [...PUBLIC_STATUSES] }, endsAt: { lt: now } },
      orderBy: { startsAt: "desc" },
      take: 50,
      select: summarySelect,
    }),
  ]);
  return { upcoming, past };
}

/** Latest change to any public meeting, for the footer's last-update date. */
export async function lastPublicUpdate(db: Db): Promise<Date | null> {
  const latest = await db.meeting.findFirst({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    orderBy: { updatedAt: "desc" },
    select: { updatedAt: true },
  });
  return latest?.updatedAt ?? null;
}

// ---------------------------------------------------------------------------
// Dashboard: every status, drafts included, for signed-in coordinators and
// observers only (the pages guard themselves). The join link is read here for
// the editor; it never reaches a public page.

export const DASHBOARD_MEETING_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED", "ARCHIVED"] as const;
export type DashboardMeetingStatus = (typeof DASHBOARD_MEETING_STATUSES)[number];
export const DASHBOARD_PAGE_SIZE = 25;

export type DashboardMeetingFilter = {
  status?: DashboardMeetingStatus | null;
  /** Words of the title or the address. */
  query?: string | null;
  /** 1-based; past the last page gives the last page. */
  page?: number;
};

type SeatCounts = { confirmed: number; waitlisted: number };

async function seatCounts(meetingIds: string[], db: Db): Promise<Map<string, SeatCounts>> {
  const counts = new Map(meetingIds.map((id) => [id, { confirmed: 0, waitlisted: 0 }]));
  if (meetingIds.length === 0) return counts;
  const groups = await db.registration.groupBy({
    by: ["meetingId", "status"],
    where: { meetingId: { in: meetingIds }, status: { in: ["CONFIRMED", "WAITLISTED"] } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const entry = counts.get(group.meetingId);
    if (!entry) continue;
    if (group.status === "CONFIRMED") entry.confirmed = group._count._all;
    else entry.waitlisted = group._count._all;
  }
  return counts;
}

const dashboardRowSelect = {
  id: true,
  slug: true,
  kind: true,
  status: true,
  title: true,
  startsAt: true,
  endsAt: true,
  datesPending: true,
  mode: true,
  capacity: true,
} satisfies Prisma.MeetingSelect;

export type DashboardMeetingRow = Prisma.MeetingGetPayload<{ select: typeof dashboardRowSelect }> & SeatCounts;

/** The dashboard's list: latest first, with seats taken and the waiting list. */
export async function listDashboardMeetings(db: Db, filter: DashboardMeetingFilter = {}) {
  const query = filter.query?.trim().slice(0, 100);
  const where: Prisma.MeetingWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(query ? { OR: [{ title: { contains: query, mode: "insensitive" } }, { slug: { contains: query, mode: "insensitive" } }] } : {}),
  };
  const total = await db.meeting.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount);
  const rows = await db.meeting.findMany({
    where,
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * DASHBOARD_PAGE_SIZE,
    take: DASHBOARD_PAGE_SIZE,
    select: dashboardRowSelect,
  });
  const counts = await seatCounts(
    rows.map((row) => row.id),
    db,
  );
  const meetings: DashboardMeetingRow[] = rows.map((row) => ({ ...row, ...counts.get(row.id)! }));
  return { meetings, total, page, pageCount };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dashboardMeetingInclude = {
  speakers: { orderBy: { position: "asc" } },
  agendaItems: { orderBy: { position: "asc" } },
} satisfies Prisma.MeetingInclude;

export type DashboardMeeting = Prisma.MeetingGetPayload<{ include: typeof dashboardMeetingInclude }> & SeatCounts;

/** One meeting with every field, speakers and agenda, for its summary and its editor; null for an unknown id. */
export async function getDashboardMeeting(db: Db, id: string): Promise<DashboardMeeting | null> {
  // The id comes from the URL: anything but a UUID is simply not found (PostgreSQL would refuse it).
  if (!UUID.test(id)) return null;
  const meeting = await db.meeting.findUnique({ where: { id }, include: dashboardMeetingInclude });
  if (!meeting) return null;
  const counts = await seatCounts([meeting.id], db);
  return { ...meeting, ...counts.get(meeting.id)! };
}

/** The letterhead and signature of the latest convocation, which a new one usually repeats. */
export async function latestMeetingLetterhead(db: Db) {
  return db.meeting.findFirst({
    orderBy: { createdAt: "desc" },
    select: letterheadSelect,
  });
}
