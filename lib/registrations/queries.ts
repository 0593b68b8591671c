import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashToken, isWellFormedToken } from "@/lib/platform/security/tokens";
import { inviterSelect } from "@/lib/invitations/inviter";
import { seatsLeftOf, type SeatsLeft } from "./seats";
import { whenAndWhereSelect } from "@/lib/meetings/when-and-where";

/** The meeting as a registration email describes it. */
export const emailMeetingSelect = {
  id: true,
  slug: true,
  status: true,
  title: true,
  subject: true,
  ...whenAndWhereSelect,
  updatedAt: true,
} satisfies Prisma.MeetingSelect;

/** What registering reads of the meeting before any lock: the checks, and what the confirmation email shows. */
export const registeringMeetingSelect = {
  ...emailMeetingSelect,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
} satisfies Prisma.MeetingSelect;

export type RegisteringMeeting = Prisma.MeetingGetPayload<{ select: typeof registeringMeetingSelect }>;

export async function meetingForRegistration(tx: Tx, where: { slug: string } | { id: string }): Promise<RegisteringMeeting | null> {
  return tx.meeting.findUnique({ where, select: registeringMeetingSelect });
}

/** What a registrant's pages show of the meeting; the join link is read separately and only handed out when confirmed. */
export const personalMeetingSelect = {
  ...emailMeetingSelect,
  kind: true,
  capacity: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  invitesManagingBodies: true,
  cancellationReason: true,
} satisfies Prisma.MeetingSelect;

export type PersonalMeeting = Prisma.MeetingGetPayload<{ select: typeof personalMeetingSelect }>;

const registrationSelect = {
  id: true,
  arrival: true,
  status: true,
  source: true,
  organisationType: true,
  organisationName: true,
  roleTitle: true,
  privacyNoticeVersion: true,
  privacyConsentAt: true,
  communicationsConsent: true,
  communicationsConsentAt: true,
  confirmedAt: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
  tokenExpiresAt: true,
  tokenRevokedAt: true,
  municipality: { select: { name: true, province: true } },
  person: { select: { firstName: true, lastName: true, email: true, phone: true, roleTitle: true } },
  meeting: { select: { ...personalMeetingSelect, joinUrl: true } },
  invitationsSent: {
    select: { id: true, firstName: true, lastName: true, email: true, managingBodyName: true, status: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RegistrationSelect;

type Row = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>;

export type PersonalRegistration = Omit<Row, "meeting" | "tokenRevokedAt" | "tokenExpiresAt" | "arrival"> & {
  meeting: PersonalMeeting;
  /** The videoconference link: only for a confirmed registration of a meeting that still takes place. */
  joinUrl: string | null;
  /** Place in the waiting list (1 = next to be promoted); null unless waitlisted. */
  waitlistPosition: number | null;
};

export type RegistrationByToken =
  | { link: "valid"; registration: PersonalRegistration }
  | { link: "expired"; meeting: Pick<PersonalMeeting, "slug" | "title"> };

/**
 * The registration behind a personal link, for the personal and
 * confirmation pages. Unknown, malformed or revoked links give null; an
 * expired one says only which meeting it was for.
 */
export async function getRegistrationByToken(db: Db, { token, now = new Date() }: { token: string; now?: Date }): Promise<RegistrationByToken | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.registration.findUnique({ where: { tokenHash: hashToken(token) }, select: registrationSelect });
  if (!row) return null;
  const { meeting, tokenRevokedAt, tokenExpiresAt, arrival, ...registration } = row;
  if (tokenRevokedAt) return null;
  const { joinUrl, ...publicFields } = meeting;
  if (tokenExpiresAt <= now) return { link: "expired", meeting: { slug: meeting.slug, title: meeting.title } };
  const canJoin = registration.status === "CONFIRMED" && meeting.status === "PUBLISHED";
  // The waiting list is promoted in arrival order: the place is how many wait since no later than this one.
  const waitlistPosition =
    registration.status === "WAITLISTED"
      ? await db.registration.count({ where: { meetingId: meeting.id, status: "WAITLISTED", arrival: { lte: arrival } } })
      : null;
  return {
    link: "valid",
    registration: { ...registration, meeting: publicFields, joinUrl: canJoin ? joinUrl : null, waitlistPosition },
  };
}

/**
 * Seats left for each meeting, by slug, counted from its confirmed
 * registrations: null for a meeting without a capacity, 0 when full.
 */
export async function seatsLeftBySlug(db: Db, slugs: string[]): Promise<Map<string, SeatsLeft>> {
  if (slugs.length === 0) return new Map();
  const meetings = await db.meeting.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, capacity: true, _count: { select: { registrations: { where: { status: "CONFIRMED" } } } } },
  });
  return new Map(meetings.map((meeting) => [meeting.slug, seatsLeftOf(meeting.capacity, meeting._count.registrations)]));
}

/** Seats left for one meeting (see seatsLeftBySlug). */
export async function seatsLeft(db: Db, slug: string): Promise<SeatsLeft> {
  return (await seatsLeftBySlug(db, [slug])).get(slug) ?? null;
}

/** Who a personal link belongs to, for rate limits keyed by email; null when the link is not usable. */
export async function registrationEmailByToken(db: Db, token: string): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.registration.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { tokenRevokedAt: true, person: { select: { email: true } } },
  });
  return row && !row.tokenRevokedAt ? row.person.email : null;
}

// What the registration emails (./emails.ts) render, read inside the transaction that sends them.


export async function registrationForEmail(tx: Tx, registrationId: string) {
  return tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { id: true, person: true, meeting: { select: emailMeetingSelect } },
  });
}

export async function registrationStatus(tx: Tx, registrationId: string) {
  const { status } = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { status: true } });
  return status;
}

export async function invitationForEmail(tx: Tx, invitationId: string) {
  return tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      managingBodyName: true,
      meeting: { select: emailMeetingSelect },
      ...inviterSelect,
    },
  });
}

export async function answeredInvitationForEmail(tx: Tx, invitationId: string) {
  return tx.invitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      managingBodyName: true,
      meeting: { select: emailMeetingSelect },
      invitedBy: { select: { id: true, person: { select: { email: true, firstName: true, lastName: true } } } },
    },
  });
}
