import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the public may see of a meeting: everything but the join link. */
export const publicMeetingSelect = {
  id: true,
  slug: true,
  kind: true,
  status: true,
  title: true,
  subject: true,
  protocolNumber: true,
  startsAt: true,
  endsAt: true,
  mode: true,
  platform: true,
  venueName: true,
  venueAddress: true,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  invitesManagingBodies: true,
  salutation: true,
  body: true,
  closing: true,
  signatoryName: true,
  signatoryTitle: true,
  fundingFund: true,
  fundingLine: true,
  projectCode: true,
  projectName: true,
  projectWebsite: true,
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
export async function getPublicMeeting(slug: string, db: Db = defaultDb): Promise<PublicMeeting | null> {
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
export async function listPublicMeetings(now: Date, db: Db = defaultDb) {
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
export async function lastPublicUpdate(db: Db = defaultDb): Promise<Date | null> {
  const latest = await db.meeting.findFirst({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    orderBy: { updatedAt: "desc" },
    select: { updatedAt: true },
  });
  return latest?.updatedAt ?? null;
}
