import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Db } from "@/lib/db";
import { cancelQueuedEmails, enqueueEmail } from "@/lib/email/mutations";
import { nominate, type InvitationSender } from "@/lib/invitations/mutations";
import { withLockedMeeting } from "@/lib/meetings/lock";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { invitationEmail } from "@/lib/registrations/emails";
import type { NomineeInput } from "@/lib/registrations/schema";
import { generateToken, hashToken } from "@/lib/platform/security/tokens";

type Actor = { id: string };

export const CANCELLED_RESENT = "Annullato: sostituito da un nuovo invio";
export const CANCELLED_REVOKED = "Annullato: invito revocato";

/** The emails of one invitation (each carries its link). */
const invitationEmails = (invitationId: string) => ({ invitationId, template: "invitation" });

export type ResendInvitationResult =
  | { ok: true; meetingId: string }
  | { ok: false; reason: "NOT_FOUND" | "ALREADY_ANSWERED" | "REGISTRATION_CLOSED" };

/**
 * Sends an invitation again with a new link: only the token's hash is
 * stored, so the old link stops working the moment the new hash replaces it.
 * A revoked or expired invitation is reinstated; one already answered is
 * not touched. Only while registrations are open, since accepting registers;
 * the link lasts until the meeting ends, as when first sent.
 */
export async function resendInvitation(
  db: Db,
  { actor, invitationId, now = new Date() }: { actor: Actor; invitationId: string; now?: Date },
): Promise<ResendInvitationResult> {
  const token = generateToken();
  return db.$transaction(async (tx): Promise<ResendInvitationResult> => {
    const invitation = await tx.invitation.findUnique({
      where: { id: invitationId },
      select: {
        id: true,
        email: true,
        status: true,
        meetingId: true,
        meeting: { select: { status: true, startsAt: true, endsAt: true, registrationOpensAt: true, registrationClosesAt: true } },
      },
    });
    if (!invitation) return { ok: false, reason: "NOT_FOUND" };
    if (invitation.status === "ACCEPTED" || invitation.status === "DECLINED") return { ok: false, reason: "ALREADY_ANSWERED" };
    if (registrationWindow(invitation.meeting, now).state !== "open") return { ok: false, reason: "REGISTRATION_CLOSED" };

    // Conditional: an answer that lands meanwhile wins, and nothing is sent.
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: { in: ["SENT", "EXPIRED", "REVOKED"] } },
      data: { tokenHash: hashToken(token), tokenExpiresAt: invitation.meeting.endsAt, status: "SENT" },
    });
    if (!count) return { ok: false, reason: "ALREADY_ANSWERED" };
    // The earlier email's link stopped working with the new token: if it has not left, it never will.
    await cancelQueuedEmails(tx, { where: invitationEmails(invitation.id), reason: CANCELLED_RESENT });
    await enqueueEmail(tx, await invitationEmail(tx, { invitationId: invitation.id, token }));
    await recordAudit(tx, {
      actor,
      action: "invitation.resend",
      entityType: "Invitation",
      entityId: invitation.id,
      before: { status: invitation.status },
      after: { status: "SENT" },
      details: { email: invitation.email },
    });
    return { ok: true, meetingId: invitation.meetingId };
  });
}

export type RevokeInvitationResult = { ok: true; meetingId: string } | { ok: false; reason: "NOT_FOUND" | "ALREADY_ANSWERED" | "ALREADY_REVOKED" };

/**
 * Withdraws an invitation not yet answered: its link stops working at once
 * (the acceptance page treats a revoked link as unknown). Sending it again
 * reinstates it with a new link.
 */
export async function revokeInvitation(db: Db, { actor, invitationId }: { actor: Actor; invitationId: string }): Promise<RevokeInvitationResult> {
  return db.$transaction(async (tx): Promise<RevokeInvitationResult> => {
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId }, select: { id: true, email: true, status: true, meetingId: true } });
    if (!invitation) return { ok: false, reason: "NOT_FOUND" };
    if (invitation.status === "REVOKED") return { ok: false, reason: "ALREADY_REVOKED" };
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, status: { in: ["SENT", "EXPIRED"] } },
      data: { status: "REVOKED" },
    });
    if (!count) return { ok: false, reason: "ALREADY_ANSWERED" };
    await cancelQueuedEmails(tx, { where: invitationEmails(invitation.id), reason: CANCELLED_REVOKED });
    await recordAudit(tx, {
      actor,
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitation.id,
      before: { status: invitation.status },
      after: { status: "REVOKED" },
      details: { email: invitation.email },
    });
    return { ok: true, meetingId: invitation.meetingId };
  });
}

export type InviteOnBehalfResult =
  | { ok: true; invitationId: string }
  | {
      ok: false;
      reason: "MEETING_NOT_FOUND" | "REGISTRATION_CLOSED" | "INVITER_NOT_FOUND" | "MUNICIPALITY_NOT_FOUND" | "SELF_INVITATION" | "ALREADY_INVITED";
    };

/**
 * A coordinator invites a gestore's representative. With a registration: a
 * nomination that registrant asked a coordinator to enter for them, the same
 * invitation and email as if they had added it from their personal page.
 * Without: a direct invitation from the Coordinamento's secretariat, for the
 * municipality named, if any. The coordinator is in the audit log either way.
 */
export async function inviteOnBehalf(
  db: Db,
  {
    actor,
    now = new Date(),
    ...input
  }: { actor: Actor; now?: Date; meetingId: string; registrationId: string | null; municipalityId?: string | null; nominee: NomineeInput },
): Promise<InviteOnBehalfResult> {
  return withLockedMeeting(db, { id: input.meetingId }, async (tx, meeting): Promise<InviteOnBehalfResult> => {
    if (!meeting) return { ok: false, reason: "MEETING_NOT_FOUND" };
    // An invitation can only be accepted while registrations are open.
    if (registrationWindow(meeting, now).state !== "open") return { ok: false, reason: "REGISTRATION_CLOSED" };
    let sender: InvitationSender;
    if (input.registrationId) {
      const inviter = await tx.registration.findFirst({
        where: { id: input.registrationId, meetingId: meeting.id, status: { not: "CANCELLED" } },
        select: { id: true, person: { select: { email: true } } },
      });
      if (!inviter) return { ok: false, reason: "INVITER_NOT_FOUND" };
      if (inviter.person.email === input.nominee.email) return { ok: false, reason: "SELF_INVITATION" };
      sender = inviter.id;
    } else {
      const municipalityId = input.municipalityId ?? null;
      if (municipalityId && !(await tx.municipality.findUnique({ where: { id: municipalityId }, select: { id: true } }))) {
        return { ok: false, reason: "MUNICIPALITY_NOT_FOUND" };
      }
      sender = { userId: actor.id, municipalityId };
    }

    const invited = await nominate(tx, { sender, meeting, nominees: [input.nominee], now });
    if (invited === 0) return { ok: false, reason: "ALREADY_INVITED" };
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { meetingId_email: { meetingId: meeting.id, email: input.nominee.email } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: typeof sender === "string" ? "invitation.create-on-behalf" : "invitation.create-direct",
      entityType: "Invitation",
      entityId: invitation.id,
      after: {
        email: input.nominee.email,
        firstName: input.nominee.firstName,
        lastName: input.nominee.lastName,
        managingBodyName: input.nominee.managingBodyName,
        ...(typeof sender === "string" ? { invitedByRegistrationId: sender } : { invitedByUserId: actor.id, municipalityId: sender.municipalityId }),
      },
    });
    return { ok: true, invitationId: invitation.id };
  });
}
