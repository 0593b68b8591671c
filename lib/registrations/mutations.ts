import "server-only";
import { isUniqueViolation, type Db, type DbOrTx, type Tx } from "@/lib/db";
import { withLockedMeeting, type LockedMeeting, type MeetingKey } from "@/lib/meetings/lock";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { generateToken, hashToken } from "@/lib/platform/security/tokens";
import { cancelQueuedEmails, enqueueEmail } from "@/lib/email/mutations";
import { nominate, notifyInviter, openInvitation } from "@/lib/invitations/mutations";
import { personalLinkEmail, registrationEmail } from "./emails";
import type { NomineeInput, RegistrationInput } from "./schema";
import { giveCommunicationsConsent, withdrawCommunicationsConsent } from "@/lib/communications/mutations";

const DAY = 24 * 3600_000;
/** Personal links outlive the meeting by 30 days (attendance, certificates). */
export const PERSONAL_LINK_TTL_AFTER_END = 30 * DAY;

async function nextArrival(tx: Tx): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ value: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('"Registration"', 'arrival')) AS value`;
  return row.value;
}

async function confirmedCount(tx: Tx, meetingId: string): Promise<number> {
  return tx.registration.count({ where: { meetingId, status: "CONFIRMED" } });
}

export type RegisterFailure =
  | "MEETING_NOT_FOUND"
  | "REGISTRATION_NOT_OPEN"
  | "REGISTRATION_CLOSED"
  | "MEETING_CANCELLED"
  | "ALREADY_REGISTERED"
  | "UNKNOWN_MUNICIPALITY"
  | "ALREADY_ANSWERED";

export type RegisterResult =
  | { ok: true; registrationId: string; status: "CONFIRMED" | "WAITLISTED"; token: string }
  | { ok: false; reason: RegisterFailure };

export type RegisterOptions = {
  now?: Date;
  source?: "SELF" | "INVITATION" | "COORDINATOR" | "IMPORT";
  /** Set when the registration answers an invitation (already locked to its email). */
  invitationId?: string;
  /**
   * A coordinator registering someone: the registration window does not
   * apply (late or early additions), but a cancelled meeting, a draft and
   * a meeting already over still refuse.
   */
  byCoordinator?: boolean;
};

export class InvitationAlreadyAnswered extends Error {}

/**
 * Registers a person for a meeting: confirmed while seats last, then on the
 * waiting list in arrival order. Every email it causes is written in the same
 * transaction. A second registration with the same email creates nothing and
 * sends the personal link again.
 */
export async function register(
  db: Db,
  { slug, options = {}, ...input }: { slug: string; options?: RegisterOptions } & RegistrationInput,
): Promise<RegisterResult> {
  const token = generateToken();
  try {
    return await registerInTransaction(db, { where: { slug }, ...input, token, options });
  } catch (error) {
    if (error instanceof InvitationAlreadyAnswered) return { ok: false, reason: "ALREADY_ANSWERED" };
    if (!isUniqueViolation(error)) throw error;
    await resendPersonalLink(db, { slug, email: input.email });
    return { ok: false, reason: "ALREADY_REGISTERED" };
  }
}

/**
 * register()'s work, alone or inside the caller's transaction, so a caller
 * can add to it (an audit entry). A duplicate surfaces as Prisma's unique
 * violation (P2002) and an answered invitation as InvitationAlreadyAnswered: both abort
 * the transaction, and the caller decides what to answer.
 */
export async function registerInTransaction(
  db: DbOrTx,
  { where, token, options = {}, ...input }: { where: MeetingKey; token: string; options?: RegisterOptions } & RegistrationInput,
): Promise<RegisterResult> {
  return withLockedMeeting(db, where, (tx, meeting) => registerLocked(tx, meeting, input, token, options));
}

async function registerLocked(
  tx: Tx,
  meeting: LockedMeeting | null,
  input: RegistrationInput,
  token: string,
  options: RegisterOptions,
): Promise<RegisterResult> {
  const now = options.now ?? new Date();
  if (!meeting || meeting.status === "DRAFT") return { ok: false, reason: "MEETING_NOT_FOUND" };
  const window = registrationWindow(meeting, now);
  if (window.state === "cancelled") return { ok: false, reason: "MEETING_CANCELLED" };
  if (options.byCoordinator) {
    if (meeting.status !== "PUBLISHED" || meeting.endsAt <= now) return { ok: false, reason: "REGISTRATION_CLOSED" };
  } else {
    if (window.state === "not-yet-open") return { ok: false, reason: "REGISTRATION_NOT_OPEN" };
    if (window.state === "closed") return { ok: false, reason: "REGISTRATION_CLOSED" };
  }

  if (options.invitationId && !input.municipalityId) {
    // A nominee registers for the Comune that invited them (whose SAI project their body runs).
    const invitation = await tx.invitation.findUnique({ where: { id: options.invitationId }, select: { municipalityId: true } });
    input = { ...input, municipalityId: invitation?.municipalityId ?? null };
  }
  if (input.municipalityId) {
    const exists = await tx.municipality.count({ where: { id: input.municipalityId } });
    if (!exists) return { ok: false, reason: "UNKNOWN_MUNICIPALITY" };
  }

  const person = await tx.person.upsert({
    where: { email: input.email },
    create: {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      phone: input.phone,
      roleTitle: input.roleTitle,
      organisation: input.organisationName,
    },
    // A known person keeps their record; a new registration brings their latest details.
    update: { firstName: input.firstName, lastName: input.lastName, phone: input.phone, roleTitle: input.roleTitle },
  });
  // Consent given here holds for the person from now on. A registration without it
  // leaves an earlier consent as it is: not ticking the box is not withdrawing.
  if (input.communicationsConsent) await giveCommunicationsConsent(tx, { personId: person.id, now });

  const full = meeting.capacity !== null && (await confirmedCount(tx, meeting.id)) >= meeting.capacity;
  const status = full ? "WAITLISTED" : "CONFIRMED";
  const fields = {
    status,
    source: options.source ?? "SELF",
    organisationType: input.organisationType,
    municipalityId: input.municipalityId,
    organisationName: input.organisationName,
    roleTitle: input.roleTitle,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    privacyConsentAt: now,
    communicationsConsent: input.communicationsConsent,
    communicationsConsentAt: input.communicationsConsent ? now : null,
    tokenHash: hashToken(token),
    tokenExpiresAt: personalLinkExpiry(meeting),
    tokenRevokedAt: null,
    confirmedAt: status === "CONFIRMED" ? now : null,
    cancelledAt: null,
  } as const;
  // Someone who cancelled may register again: the same row comes back,
  // at the end of the queue like any new arrival. A live registration is
  // left to the unique index, which refuses the insert below.
  const cancelled = await tx.registration.findFirst({
    where: { meetingId: meeting.id, personId: person.id, status: "CANCELLED" },
    select: { id: true },
  });
  const registration = cancelled
    ? await tx.registration.update({ where: { id: cancelled.id }, data: { ...fields, arrival: await nextArrival(tx) } })
    : await tx.registration.create({ data: { meetingId: meeting.id, personId: person.id, ...fields } });

  if (options.invitationId) {
    // A declined invitation may still be accepted: the window checked above is open.
    const { count } = await tx.invitation.updateMany({
      where: { id: options.invitationId, status: { in: ["SENT", "DECLINED"] } },
      data: { status: "ACCEPTED", respondedAt: now, acceptedRegistrationId: registration.id },
    });
    if (!count) throw new InvitationAlreadyAnswered();
    await notifyInviter(tx, { invitationId: options.invitationId, answer: "ACCEPTED" });
  }

  const template = status === "CONFIRMED" ? "registration-confirmed" : "registration-waitlisted";
  await enqueueEmail(tx, await registrationEmail(tx, { registrationId: registration.id, token, template }));
  await nominate(tx, { sender: registration.id, meeting, nominees: input.nominees, now });
  return { ok: true, registrationId: registration.id, status, token };
}

/** Personal links stop working some time after the meeting ends. */
export function personalLinkExpiry(meeting: { endsAt: Date }): Date {
  return new Date(meeting.endsAt.getTime() + PERSONAL_LINK_TTL_AFTER_END);
}

/**
 * Only the hash of a personal link is stored, so "send it again" means a new
 * link; the previous one stops working.
 */
export async function resendPersonalLink(db: Db, { slug, email }: { slug: string; email: string }): Promise<boolean> {
  const token = generateToken();
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { meeting: { slug }, person: { email }, status: { not: "CANCELLED" } },
      select: { id: true },
    });
    if (!registration) return false;
    await renewPersonalLink(tx, { registrationId: registration.id, token });
    return true;
  });
}

/**
 * Replaces a registration's personal link with `token` (the previous link
 * stops working: its hash is gone) and emails the new one.
 */
export async function renewPersonalLink(
  tx: Tx,
  { registrationId, token, data = {} }: { registrationId: string; token: string; data?: { tokenExpiresAt?: Date } },
): Promise<void> {
  await tx.registration.update({
    where: { id: registrationId },
    data: { tokenHash: hashToken(token), tokenRevokedAt: null, ...data },
  });
  await enqueueEmail(tx, await personalLinkEmail(tx, { registrationId, token }));
}

export type AcceptResult =
  | RegisterResult
  | { ok: false; reason: "LINK_INVALID" | "LINK_EXPIRED" | "ALREADY_ANSWERED" };

/**
 * Accepting an invitation registers its addressee: the email is the
 * invitation's, whatever the form sent, and who invited whom is recorded.
 */
export async function acceptInvitation(
  db: Db,
  { token, now = new Date(), ...input }: { token: string; now?: Date } & RegistrationInput,
): Promise<AcceptResult> {
  const found = await db.$transaction((tx) => openInvitation(tx, { token, now, reopenDeclined: true }));
  if (!found.ok) return found;
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: found.invitation.meetingId }, select: { slug: true } });
  return register(db, {
    slug: meeting.slug,
    ...input,
    email: found.invitation.email,
    options: { now, source: "INVITATION", invitationId: found.invitation.id },
  });
}

type TokenFailure = "LINK_INVALID" | "LINK_EXPIRED";

/** The live registration a personal link points to, or why it points nowhere. */
async function byToken(tx: DbOrTx, token: string, now: Date) {
  const registration = await tx.registration.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, meetingId: true, personId: true, status: true, tokenExpiresAt: true, tokenRevokedAt: true },
  });
  if (!registration || registration.tokenRevokedAt) return { ok: false as const, reason: "LINK_INVALID" as const };
  if (registration.tokenExpiresAt <= now) return { ok: false as const, reason: "LINK_EXPIRED" as const };
  return { ok: true as const, registration };
}

export type CancelResult =
  | { ok: true; promotedRegistrationId: string | null }
  | { ok: false; reason: TokenFailure | "ALREADY_CANCELLED" | "MEETING_OVER" };

/**
 * Cancels from the personal link. A confirmed seat that frees up goes to the
 * first person on the waiting list, who is told by email.
 */
export async function cancelRegistration(db: Db, { token, now = new Date() }: { token: string; now?: Date }): Promise<CancelResult> {
  const found = await byToken(db, token, now);
  if (!found.ok) return found;
  return withLockedMeeting(db, { id: found.registration.meetingId }, async (tx, meeting): Promise<CancelResult> => {
    // Re-read under the lock: a concurrent cancellation may have won.
    const registration = await tx.registration.findUniqueOrThrow({ where: { id: found.registration.id } });
    if (registration.status === "CANCELLED") return { ok: false, reason: "ALREADY_CANCELLED" };
    if (!meeting || meeting.endsAt <= now) return { ok: false, reason: "MEETING_OVER" };

    await markCancelled(tx, { registrationId: registration.id, now });
    const promotedRegistrationId = registration.status === "CONFIRMED" ? await promoteFromWaitingList(tx, { meeting, now }) : null;
    return { ok: true, promotedRegistrationId };
  });
}

export const CANCELLED_REGISTRATION = "Annullato: iscrizione annullata";

/**
 * Cancels one registration and tells the person. The join link and the
 * meeting's messages still queued for them are withdrawn: they are no longer
 * coming. Call it under the meeting's lock.
 */
export async function markCancelled(tx: Tx, { registrationId, now }: { registrationId: string; now: Date }) {
  await tx.registration.update({ where: { id: registrationId }, data: { status: "CANCELLED", cancelledAt: now } });
  await cancelQueuedEmails(tx, { where: { registrationId, template: { in: ["join-link", "meeting-message"] } }, reason: CANCELLED_REGISTRATION });
  await enqueueEmail(tx, await registrationEmail(tx, { registrationId, token: null, template: "registration-cancelled" }));
}

/** Fills free seats from the waiting list in arrival order; the meeting row must be locked. */
export async function promoteFromWaitingList(tx: Tx, { meeting, now }: { meeting: LockedMeeting; now: Date }): Promise<string | null> {
  if (meeting.status !== "PUBLISHED") return null;
  if (meeting.capacity !== null && (await confirmedCount(tx, meeting.id)) >= meeting.capacity) return null;
  const next = await tx.registration.findFirst({
    where: { meetingId: meeting.id, status: "WAITLISTED" },
    orderBy: { arrival: "asc" },
    select: { id: true },
  });
  if (!next) return null;
  await tx.registration.update({ where: { id: next.id }, data: { status: "CONFIRMED", confirmedAt: now } });
  // The promoted person's link is not stored: the email points to the meeting
  // page and the personal link they already received stays valid.
  await enqueueEmail(tx, await registrationEmail(tx, { registrationId: next.id, token: null, template: "registration-promoted" }));
  return next.id;
}

export type UpdateResult = { ok: true } | { ok: false; reason: TokenFailure | "CANCELLED" };

/** Edits from the personal link: name, role, phone and the communications consent. */
export async function updateRegistration(
  db: Db,
  {
    token,
    now = new Date(),
    ...input
  }: { token: string; now?: Date } & Pick<RegistrationInput, "firstName" | "lastName" | "roleTitle" | "phone" | "communicationsConsent">,
): Promise<UpdateResult> {
  return db.$transaction(async (tx): Promise<UpdateResult> => {
    const found = await byToken(tx, token, now);
    if (!found.ok) return found;
    const { registration } = found;
    if (registration.status === "CANCELLED") return { ok: false, reason: "CANCELLED" };
    const current = await tx.registration.findUniqueOrThrow({
      where: { id: registration.id },
      select: { communicationsConsent: true },
    });
    await tx.person.update({
      where: { id: registration.personId },
      data: { firstName: input.firstName, lastName: input.lastName, phone: input.phone, roleTitle: input.roleTitle },
    });
    await tx.registration.update({
      where: { id: registration.id },
      data: {
        roleTitle: input.roleTitle,
        communicationsConsent: input.communicationsConsent,
        // The consent's timestamp records when it was given, not each later save.
        ...(input.communicationsConsent !== current.communicationsConsent ? { communicationsConsentAt: input.communicationsConsent ? now : null } : {}),
      },
    });
    // Ticking the box here gives the consent; unticking what was ticked withdraws it
    // (an explicit no, unlike a new registration that leaves the box empty).
    if (input.communicationsConsent && !current.communicationsConsent) {
      await giveCommunicationsConsent(tx, { personId: registration.personId, now });
    } else if (!input.communicationsConsent && current.communicationsConsent) {
      await withdrawCommunicationsConsent(tx, { personId: registration.personId, now });
    }
    return { ok: true };
  });
}

export type NominateResult = { ok: true; invited: number } | { ok: false; reason: TokenFailure | "CANCELLED" | "REGISTRATION_CLOSED" };

/** "Nominate more gestori" from the personal page. */
export async function addNominees(
  db: Db,
  { token, nominees, now = new Date() }: { token: string; nominees: NomineeInput[]; now?: Date },
): Promise<NominateResult> {
  const found = await byToken(db, token, now);
  if (!found.ok) return found;
  if (found.registration.status === "CANCELLED") return { ok: false, reason: "CANCELLED" };
  return withLockedMeeting(db, { id: found.registration.meetingId }, async (tx, meeting): Promise<NominateResult> => {
    if (!meeting || registrationWindow(meeting, now).state !== "open") return { ok: false, reason: "REGISTRATION_CLOSED" };
    const invited = await nominate(tx, { sender: found.registration.id, meeting, nominees, now });
    return { ok: true, invited };
  });
}
