import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { describeInviter, inviterSelect } from "../inviter";
import { INVITATIONS_PAGE_SIZE, type InvitationFilters, type InvitationState } from "./schema";

const rowSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  managingBodyName: true,
  managingBody: { select: { name: true } },
  status: true,
  tokenExpiresAt: true,
  respondedAt: true,
  createdAt: true,
  meeting: {
    select: { id: true, title: true, status: true, startsAt: true, endsAt: true, registrationOpensAt: true, registrationClosesAt: true },
  },
  ...inviterSelect,
  emails: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, status: true } },
} satisfies Prisma.InvitationSelect;

export type InvitationRow = {
  id: string;
  invitee: { name: string; email: string };
  managingBodyName: string;
  state: InvitationState;
  meeting: { id: string; title: string; startsAt: Date; endsAt: Date; status: string };
  inviter: { name: string; email: string | null; organisation: string | null; direct: boolean };
  /** The inviter's municipality, for whose SAI projects the gestore is invited. */
  municipality: { name: string; province: string } | null;
  createdAt: Date;
  respondedAt: Date | null;
  expiresAt: Date;
  /** The latest invitation email (first send or resend) and how its delivery went. */
  lastEmail: { createdAt: Date; status: EmailStatus } | null;
  /** Resend gives a new link (and reinstates a revoked or expired invitation) while registrations are open. */
  canResend: boolean;
  canRevoke: boolean;
};

export type InvitationList = {
  rows: InvitationRow[];
  total: number;
  page: number;
  pages: number;
  /** How many invitations of the unfiltered scope (all, or the meeting's) are in each state. */
  stateCounts: Record<InvitationState, number>;
};

/** The dashboard's reading of an invitation: SENT past its expiry is expired. */
export function invitationState(status: string, expiresAt: Date, now: Date): InvitationState {
  if (status === "SENT" && expiresAt <= now) return "EXPIRED";
  return status as InvitationState;
}

function stateWhere(state: InvitationState, now: Date): Prisma.InvitationWhereInput {
  if (state === "SENT") return { status: "SENT", tokenExpiresAt: { gt: now } };
  if (state === "EXPIRED") return { OR: [{ status: "EXPIRED" }, { status: "SENT", tokenExpiresAt: { lte: now } }] };
  return { status: state };
}

function searchWhere(q: string): Prisma.InvitationWhereInput {
  const contains = { contains: q, mode: "insensitive" as const };
  return {
    OR: [
      { email: contains },
      { firstName: contains },
      { lastName: contains },
      { managingBodyName: contains },
      { invitedBy: { person: { OR: [{ firstName: contains }, { lastName: contains }, { email: contains }] } } },
      { invitedBy: { municipality: { name: contains } } },
      { invitedBy: { organisationName: contains } },
    ],
  };
}

/**
 * Invitations, newest first, for one meeting (the meeting filter) or all of
 * them, filtered by state and a free-text search over invitee, ente gestore,
 * inviter and municipality; a page at a time.
 */
export async function listInvitations(db: Db, { now = new Date(), ...filters }: { now?: Date } & InvitationFilters): Promise<InvitationList> {
  const scope: Prisma.InvitationWhereInput = filters.meeting ? { meetingId: filters.meeting } : {};
  const where: Prisma.InvitationWhereInput = {
    AND: [scope, filters.state ? stateWhere(filters.state, now) : {}, filters.q ? searchWhere(filters.q) : {}],
  };
  const [total, statusCounts, expiredSent] = await Promise.all([
    db.invitation.count({ where }),
    db.invitation.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.invitation.count({ where: { AND: [scope, { status: "SENT", tokenExpiresAt: { lte: now } }] } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / INVITATIONS_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await db.invitation.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * INVITATIONS_PAGE_SIZE,
    take: INVITATIONS_PAGE_SIZE,
    select: rowSelect,
  });

  const of = (status: string) => statusCounts.find((row) => row.status === status)?._count._all ?? 0;
  const stateCounts: Record<InvitationState, number> = {
    SENT: of("SENT") - expiredSent,
    ACCEPTED: of("ACCEPTED"),
    DECLINED: of("DECLINED"),
    EXPIRED: of("EXPIRED") + expiredSent,
    REVOKED: of("REVOKED"),
  };

  return {
    rows: rows.map((row) => {
      const state = invitationState(row.status, row.tokenExpiresAt, now);
      const registrationOpen = registrationWindow(row.meeting, now).state === "open";
      const { municipality, ...inviter } = describeInviter(row);
      const { id: meetingId, title, status, startsAt, endsAt } = row.meeting;
      return {
        id: row.id,
        invitee: { name: `${row.firstName} ${row.lastName}`, email: row.email },
        managingBodyName: row.managingBody?.name ?? row.managingBodyName,
        state,
        meeting: { id: meetingId, title, status, startsAt, endsAt },
        inviter,
        municipality,
        createdAt: row.createdAt,
        respondedAt: row.respondedAt,
        expiresAt: row.tokenExpiresAt,
        lastEmail: row.emails[0] ?? null,
        canResend: registrationOpen && (state === "SENT" || state === "EXPIRED" || state === "REVOKED"),
        canRevoke: state === "SENT" || state === "EXPIRED",
      };
    }),
    total,
    page,
    pages,
    stateCounts,
  };
}

export type InvitingRegistration = { id: string; label: string };

/**
 * The meeting's live registrations, as the people a coordinator may enter a
 * nomination for: municipalities' registrants first, by municipality.
 */
export async function listInvitingRegistrations(db: Db, meetingId: string): Promise<InvitingRegistration[]> {
  const rows = await db.registration.findMany({
    where: { meetingId, status: { not: "CANCELLED" } },
    select: {
      id: true,
      organisationName: true,
      person: { select: { firstName: true, lastName: true } },
      municipality: { select: { name: true } },
    },
    orderBy: [{ municipality: { name: "asc" } }, { person: { lastName: "asc" } }],
  });
  return rows.map((row) => {
    const organisation = row.municipality ? `Comune di ${row.municipality.name}` : row.organisationName;
    const name = `${row.person.lastName} ${row.person.firstName}`;
    return { id: row.id, label: organisation ? `${organisation} - ${name}` : name };
  });
}

/** The meetings with at least one invitation, for the overall list's meeting filter. */
export async function listMeetingsWithInvitations(db: Db): Promise<{ id: string; title: string; startsAt: Date }[]> {
  return db.meeting.findMany({
    where: { invitations: { some: {} } },
    orderBy: { startsAt: "desc" },
    select: { id: true, title: true, startsAt: true },
  });
}
