import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { percentOf } from "@/lib/coverage/figures";

const meetingHeadingSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  datesPending: true,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  invitesManagingBodies: true,
} satisfies Prisma.MeetingSelect;

export type DashboardMeetingHeading = Prisma.MeetingGetPayload<{ select: typeof meetingHeadingSelect }>;

/** What a meeting's dashboard sub-page shows in its heading; null for an unknown or malformed id. */
export async function getDashboardMeetingHeading(db: Db, id: string): Promise<DashboardMeetingHeading | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return db.meeting.findUnique({ where: { id }, select: meetingHeadingSelect });
}

export type UpcomingMeetingFigures = {
  id: string;
  title: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED" | "ARCHIVED";
  startsAt: Date;
  endsAt: Date;
  /** A duplicate still waiting for its own dates: its startsAt and endsAt are not to be shown. */
  datesPending: boolean;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** SAI municipalities with at least one live registration. */
  saiRegistered: number;
  saiTotal: number;
  saiPercent: number;
};

export type RecentMeetingFigures = {
  id: string;
  title: string;
  startsAt: Date;
  confirmed: number;
  present: number;
  /** Attendance recorded at all (present or absent): without any, the rate means nothing. */
  recorded: number;
  /** Present out of confirmed, as a whole percentage; null when no attendance was recorded. */
  attendancePercent: number | null;
};

export type DashboardOverview = {
  upcoming: UpcomingMeetingFigures[];
  recent: RecentMeetingFigures[];
  saiTotal: number;
};

const RECENT_MEETINGS = 5;

/**
 * The dashboard's front page: meetings not yet ended (drafts included,
 * cancelled ones left out), soonest first, with seats taken and SAI
 * coverage; and the latest ended meetings with how many of those confirmed
 * were there.
 */
export async function getDashboardOverview(db: Db, now = new Date()): Promise<DashboardOverview> {
  const [upcomingMeetings, recentMeetings, saiTotal] = await Promise.all([
    db.meeting.findMany({
      // A duplicate waiting for its dates is work ahead too, whatever its placeholder dates say.
      where: {
        OR: [
          { status: { in: ["DRAFT", "PUBLISHED"] }, endsAt: { gte: now } },
          { status: "DRAFT", datesPending: true },
        ],
      },
      orderBy: { startsAt: "asc" },
      select: { id: true, title: true, status: true, startsAt: true, endsAt: true, datesPending: true, capacity: true },
    }),
    db.meeting.findMany({
      where: { status: { in: ["PUBLISHED", "ARCHIVED"] }, endsAt: { lt: now } },
      orderBy: { startsAt: "desc" },
      take: RECENT_MEETINGS,
      select: { id: true, title: true, startsAt: true },
    }),
    db.municipality.count({ where: { saiMember: true } }),
  ]);
  const upcomingIds = upcomingMeetings.map((meeting) => meeting.id);
  const recentIds = recentMeetings.map((meeting) => meeting.id);

  const [statusCounts, saiCovered, attendance] = await Promise.all([
    db.registration.groupBy({
      by: ["meetingId", "status"],
      where: { meetingId: { in: [...upcomingIds, ...recentIds] }, status: { in: ["CONFIRMED", "WAITLISTED"] } },
      _count: { _all: true },
    }),
    db.registration.findMany({
      where: { meetingId: { in: upcomingIds }, status: { not: "CANCELLED" }, organisationType: "COMUNE", municipality: { saiMember: true } },
      distinct: ["meetingId", "municipalityId"],
      select: { meetingId: true },
    }),
    // groupBy cannot group by a relation's field: the few recent meetings' rows are read instead.
    db.attendance.findMany({
      where: { registration: { meetingId: { in: recentIds }, status: "CONFIRMED" } },
      select: { status: true, registration: { select: { meetingId: true } } },
    }),
  ]);

  const countOf = (meetingId: string, status: "CONFIRMED" | "WAITLISTED") =>
    statusCounts.find((row) => row.meetingId === meetingId && row.status === status)?._count._all ?? 0;

  const upcoming = upcomingMeetings.map((meeting) => {
    const saiRegistered = saiCovered.filter((row) => row.meetingId === meeting.id).length;
    return {
      ...meeting,
      confirmed: countOf(meeting.id, "CONFIRMED"),
      waitlisted: countOf(meeting.id, "WAITLISTED"),
      saiRegistered,
      saiTotal,
      saiPercent: percentOf(saiRegistered, saiTotal),
    };
  });

  const recent = recentMeetings.map((meeting) => {
    const rows = attendance.filter((row) => row.registration.meetingId === meeting.id);
    const present = rows.filter((row) => row.status === "PRESENT").length;
    const confirmed = countOf(meeting.id, "CONFIRMED");
    return {
      ...meeting,
      confirmed,
      present,
      recorded: rows.length,
      attendancePercent: rows.length === 0 ? null : percentOf(present, confirmed),
    };
  });

  return { upcoming, recent, saiTotal };
}
