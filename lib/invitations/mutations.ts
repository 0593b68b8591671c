import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import { invitationAnsweredEmail, invitationEmail, invitationEmailOf, type EmailMeeting } from "@/lib/registrations/emails";
import { generateToken, hashToken } from "@/lib/platform/security/tokens";
import type { NomineeInput } from "@/lib/registrations/schema";

/** Who sends an invitation: a registrant (by id), or a coordinator inviting directly, for a municipality if named. */
/**
 * Who invites: a registration (by id, or with what nominating needs when the
 * caller has it in hand: registering) or a coordinator.
 */
export type InvitationSender = string | RegistrantInHand | { userId: string; municipalityId: string | null };

type RegistrantInHand = {
  registrationId: string;
  email: string;
  municipalityId: string | null;
  /** As the invitation email names them (describeInviter). */
  inviter: { name: string; organisation: string | null };
  /** The meeting as the invitation email shows it. */
  meeting: EmailMeeting;
};

/**
 * Invites the managing bodies' representatives a registrant named, or one a
 * coordinator invites directly. The same email is invited once per meeting,
 * whoever names it; the invitation can be answered until the meeting ends.
 */
export async function nominate(
  tx: Tx,
  { sender, meeting, nominees, now }: { sender: InvitationSender; meeting: { id: string; endsAt: Date }; nominees: NomineeInput[]; now: Date },
): Promise<number> {
  if (nominees.length === 0) return 0;
  let inHand: RegistrantInHand | null = null;
  let invitedBy: { invitedByRegistrationId: string; municipalityId: string | null } | { invitedByUserId: string; municipalityId: string | null };
  if (typeof sender === "object" && "userId" in sender) {
    invitedBy = { invitedByUserId: sender.userId, municipalityId: sender.municipalityId };
  } else {
    const inviter =
      typeof sender === "string"
        ? await tx.registration
            .findUniqueOrThrow({ where: { id: sender }, select: { id: true, municipalityId: true, person: { select: { email: true } } } })
            .then((row) => ({ registrationId: row.id, email: row.person.email, municipalityId: row.municipalityId }))
        : sender;
    if (typeof sender !== "string") inHand = sender;
    // A registrant does not invite themselves.
    nominees = nominees.filter((nominee) => nominee.email !== inviter.email);
    // The gestore runs a project of the inviter's Comune: the register and the exports count them there.
    invitedBy = { invitedByRegistrationId: inviter.registrationId, municipalityId: inviter.municipalityId };
    if (nominees.length === 0) return 0;
  }
  const tokens = new Map(nominees.map((nominee) => [nominee.email, generateToken()]));
  // A name picked from the known enti gestori links the invitation to that body.
  const known = await tx.managingBody.findMany({
    where: { name: { in: nominees.map((nominee) => nominee.managingBodyName), mode: "insensitive" } },
    select: { id: true, name: true },
  });
  const bodyId = new Map(known.map((body) => [body.name.toLowerCase(), body.id]));
  const created = await tx.invitation.createManyAndReturn({
    data: nominees.map((nominee) => ({
      meetingId: meeting.id,
      ...invitedBy,
      email: nominee.email,
      firstName: nominee.firstName,
      lastName: nominee.lastName,
      managingBodyName: nominee.managingBodyName,
      managingBodyId: bodyId.get(nominee.managingBodyName.toLowerCase()) ?? null,
      tokenHash: hashToken(tokens.get(nominee.email)!),
      tokenExpiresAt: meeting.endsAt,
      createdAt: now,
    })),
    skipDuplicates: true,
    select: { id: true, email: true },
  });
  const byEmail = new Map(nominees.map((nominee) => [nominee.email, nominee]));
  for (const invitation of created) {
    const token = tokens.get(invitation.email)!;
    const email = inHand
      ? invitationEmailOf({ invitation: { ...byEmail.get(invitation.email)!, id: invitation.id }, meeting: inHand.meeting, inviter: inHand.inviter, token })
      : await invitationEmail(tx, { invitationId: invitation.id, token });
    await enqueueEmail(tx, email);
  }
  return created.length;
}

export type InvitationLookup =
  | { ok: true; invitation: { id: string; email: string; meetingId: string; status: string } }
  | { ok: false; reason: "LINK_INVALID" | "LINK_EXPIRED" | "ALREADY_ANSWERED" };

/**
 * The invitation behind a token, if it can still be answered. A declined one
 * can still be accepted (`reopenDeclined`): whoever said no may change their
 * mind while registrations are open, which registering checks.
 */
export async function openInvitation(
  tx: Tx,
  { token, now, reopenDeclined = false }: { token: string; now: Date; reopenDeclined?: boolean },
): Promise<InvitationLookup> {
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, meetingId: true, status: true, tokenExpiresAt: true },
  });
  if (!invitation || invitation.status === "REVOKED") return { ok: false, reason: "LINK_INVALID" };
  if (invitation.status === "ACCEPTED" || (invitation.status === "DECLINED" && !reopenDeclined)) {
    return { ok: false, reason: "ALREADY_ANSWERED" };
  }
  if (invitation.status === "EXPIRED" || invitation.tokenExpiresAt <= now) return { ok: false, reason: "LINK_EXPIRED" };
  return { ok: true, invitation };
}

export async function declineInvitation(
  db: { $transaction: <T>(run: (tx: Tx) => Promise<T>) => Promise<T> },
  { token, now = new Date() }: { token: string; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: "LINK_INVALID" | "LINK_EXPIRED" | "ALREADY_ANSWERED" }> {
  return db.$transaction(async (tx) => {
    const found = await openInvitation(tx, { token, now });
    if (!found.ok) return found;
    // Conditional update: a concurrent accept wins and this one reports it.
    const { count } = await tx.invitation.updateMany({
      where: { id: found.invitation.id, status: "SENT" },
      data: { status: "DECLINED", respondedAt: now },
    });
    if (!count) return { ok: false as const, reason: "ALREADY_ANSWERED" as const };
    await notifyInviter(tx, { invitationId: found.invitation.id, answer: "DECLINED" });
    return { ok: true as const };
  });
}

/**
 * Tells the registrant who nominated the gestore how they answered, in the
 * transaction of the answer. A coordinator's direct invitation has no one to tell.
 */
export async function notifyInviter(tx: Tx, { invitationId, answer }: { invitationId: string; answer: "ACCEPTED" | "DECLINED" }): Promise<void> {
  const email = await invitationAnsweredEmail(tx, { invitationId, answer });
  if (email) await enqueueEmail(tx, email);
}
