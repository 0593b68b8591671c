import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrationStatus } from "@/lib/generated/prisma/enums";
import { personalMeetingSelect, type PersonalMeeting } from "@/lib/registrations/queries";
import { hashToken, isWellFormedToken } from "@/lib/platform/security/tokens";
import { describeInviter, inviterSelect } from "./inviter";

const invitationSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  managingBodyName: true,
  status: true,
  tokenExpiresAt: true,
  respondedAt: true,
  meeting: { select: personalMeetingSelect },
  ...inviterSelect,
} satisfies Prisma.InvitationSelect;

/** Where an invitation stands for the person holding its link. */
export type InvitationState = "open" | "accepted" | "declined" | "expired";

export type InvitationView = {
  state: InvitationState;
  invitation: { email: string; firstName: string; lastName: string; managingBodyName: string; expiresAt: Date; respondedAt: Date | null };
  meeting: PersonalMeeting;
  inviter: { name: string; organisation: string | null };
  /** The invitee's own registration for the meeting, if they already have one (by any route). */
  existingRegistration: RegistrationStatus | null;
};

/**
 * The invitation behind a link, for the acceptance page: never the join link.
 * Unknown, malformed or revoked links give null.
 */
export async function getInvitationByToken(db: Db, { token, now = new Date() }: { token: string; now?: Date }): Promise<InvitationView | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: invitationSelect });
  if (!row || row.status === "REVOKED") return null;
  const existing = await db.registration.findFirst({
    where: { meeting: { id: row.meeting.id }, person: { email: row.email } },
    select: { status: true },
  });
  const { meeting } = row;
  const inviter = describeInviter(row);
  return {
    state: invitationState(row.status, row.tokenExpiresAt, now),
    invitation: {
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      managingBodyName: row.managingBodyName,
      expiresAt: row.tokenExpiresAt,
      respondedAt: row.respondedAt,
    },
    meeting,
    inviter: { name: inviter.name, organisation: inviter.organisation },
    existingRegistration: existing?.status ?? null,
  };
}

function invitationState(status: string, expiresAt: Date, now: Date): InvitationState {
  if (status === "ACCEPTED") return "accepted";
  if (status === "DECLINED") return "declined";
  if (status === "EXPIRED" || expiresAt <= now) return "expired";
  return "open";
}
