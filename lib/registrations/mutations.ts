import "server-only";
import { isClient, isUniqueViolation, type Db, type DbOrTx, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MeetingMode } from "@/lib/generated/prisma/enums";
import { LOCKING_TRANSACTION, withLockedMeeting, type LockedMeeting, type MeetingKey } from "@/lib/meetings/lock";
import { registrationWindow, type WindowFields } from "@/lib/meetings/registration-window";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { generateToken, hashToken } from "@/lib/platform/security/tokens";
import { cancelQueuedEmails, enqueueEmail } from "@/lib/email/mutations";
import { nominate, notifyInviter, openInvitation } from "@/lib/invitations/mutations";
import { personalLinkEmail, registrationEmail, registrationEmailOf } from "./emails";
import { meetingForRegistration } from "./queries";
import type { NomineeInput, RegistrationInput } from "./schema";
import { giveCommunicationsConsent, withdrawCommunicationsConsent } from "@/lib/communications/mutations";

const DAY = 24 * 3600_000;
/** Personal links outlive the meeting by 30 days (attendance, certificates). */
export const PERSONAL_LINK_TTL_AFTER_END = 30 * DAY;

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
 * Registering found, after writing, that it must refuse: the transaction
 * rolls back (the person's details included) and the caller answers `reason`.
 */
export class RegistrationRefused extends Error {
  constructor(readonly reason: RegisterFailure) {
    super(reason);
  }
}

/** The meeting's capacity changed between the first read and the lock: register again from the start. */
class CapacityChanged extends Error {}

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
    const reason = error instanceof RegistrationRefused ? error.reason : isUniqueViolation(error) ? "ALREADY_REGISTERED" : null;
    if (!reason) throw error;
    if (reason === "ALREADY_REGISTERED") await resendPersonalLink(db, { slug, email: input.email });
    return { ok: false, reason };
  }
}

/**
 * register()'s work, alone or inside the caller's transaction, so a caller
 * can add to it (an audit entry). A refusal found after writing (already
 * registered, unknown Comune, the meeting closed meanwhile) surfaces as
 * RegistrationRefused and an answered invitation as InvitationAlreadyAnswered:
 * both abort the transaction, and the caller decides what to answer.
 */
export async function registerInTransaction(
  db: DbOrTx,
  { where, token, options = {}, ...input }: { where: MeetingKey; token: string; options?: RegisterOptions } & RegistrationInput,
): Promise<RegisterResult> {
  if (!isClient(db)) return registerIn(db, where, input, token, options);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => registerIn(tx, where, input, token, options), LOCKING_TRANSACTION);
    } catch (error) {
      if (!(error instanceof CapacityChanged) || attempt === 3) throw error;
    }
  }
}

/** Why registering is refused now, if it is. */
function refusal(meeting: WindowFields | null, now: Date, options: RegisterOptions): RegisterFailure | null {
  if (!meeting || meeting.status === "DRAFT") return "MEETING_NOT_FOUND";
  const window = registrationWindow(meeting, now);
  if (window.state === "cancelled") return "MEETING_CANCELLED";
  if (options.byCoordinator) return meeting.status !== "PUBLISHED" || meeting.endsAt <= now ? "REGISTRATION_CLOSED" : null;
  if (window.state === "not-yet-open") return "REGISTRATION_NOT_OPEN";
  if (window.state === "closed") return "REGISTRATION_CLOSED";
  return null;
}

/**
 * The meeting is read first, without a lock, for the checks and the email.
 * Then one statement writes the person and locks the meeting's row: for
 * update when seats are counted (registrations queue there, one at a time),
 * for key share otherwise (what the registration's foreign key takes anyway:
 * registrations run side by side, and only a cancellation or the join link's
 * send, which lock for update, wait for them). The next statement takes the
 * seat and inserts the registration; then the email row and its job.
 */
async function registerIn(tx: Tx, where: MeetingKey, input: RegistrationInput, token: string, options: RegisterOptions): Promise<RegisterResult> {
  const now = options.now ?? new Date();
  const meeting = await meetingForRegistration(tx, where);
  const refused = refusal(meeting, now, options);
  if (refused || !meeting) return { ok: false, reason: refused ?? "MEETING_NOT_FOUND" };

  if (options.invitationId && !input.municipalityId) {
    // A nominee registers for the Comune that invited them (whose SAI project their body runs).
    const invitation = await tx.invitation.findUnique({ where: { id: options.invitationId }, select: { municipalityId: true } });
    input = { ...input, municipalityId: invitation?.municipalityId ?? null };
  }

  const locked = await upsertPersonAndLock(tx, { meetingId: meeting.id, input, now, forUpdate: meeting.capacity !== null });
  if (!locked) throw new RegistrationRefused("MEETING_NOT_FOUND"); // deleted meanwhile
  if ((locked.capacity === null) !== (meeting.capacity === null)) throw new CapacityChanged();
  const lockedRefusal = refusal(locked, now, options);
  if (lockedRefusal) throw new RegistrationRefused(lockedRefusal);
  if (input.municipalityId && locked.municipalityName === null) throw new RegistrationRefused("UNKNOWN_MUNICIPALITY");

  const registration = await insertRegistration(tx, {
    meetingId: meeting.id,
    personId: locked.personId,
    capacity: locked.capacity,
    input,
    token,
    now,
    source: options.source ?? "SELF",
    tokenExpiresAt: personalLinkExpiry(locked),
  });
  if (!registration) throw new RegistrationRefused("ALREADY_REGISTERED");

  if (options.invitationId) {
    // A declined invitation may still be accepted: the window checked above is open.
    const { count } = await tx.invitation.updateMany({
      where: { id: options.invitationId, status: { in: ["SENT", "DECLINED"] } },
      data: { status: "ACCEPTED", respondedAt: now, acceptedRegistrationId: registration.id },
    });
    if (!count) throw new InvitationAlreadyAnswered();
    await notifyInviter(tx, { invitationId: options.invitationId, answer: "ACCEPTED" });
  }

  const { status } = registration;
  // A confirmation after the join link went out carries it (lib/join-link); before, the link's own send will.
  const joinUrl = status === "CONFIRMED" && registration.linkSent && locked.mode !== "IN_PERSON" ? locked.joinUrl : null;
  const person = { email: locked.email, firstName: locked.firstName, lastName: locked.lastName };
  const emailMeeting = { ...meeting, status: locked.status, startsAt: locked.startsAt, endsAt: locked.endsAt, mode: locked.mode };
  const email = registrationEmailOf({
    registrationId: registration.id,
    person,
    meeting: emailMeeting,
    token,
    template: status === "CONFIRMED" ? "registration-confirmed" : "registration-waitlisted",
    joinUrl,
  });
  await enqueueEmail(tx, email);
  if (input.nominees.length > 0) {
    const sender = {
      registrationId: registration.id,
      email: locked.email,
      municipalityId: input.municipalityId,
      // As describeInviter names a registrant.
      inviter: {
        name: `${locked.firstName} ${locked.lastName}`,
        organisation: locked.municipalityName ? `Comune di ${locked.municipalityName}` : input.organisationName,
      },
      meeting: emailMeeting,
    };
    await nominate(tx, { sender, meeting: { id: meeting.id, endsAt: locked.endsAt }, nominees: input.nominees, now });
  }
  return { ok: true, registrationId: registration.id, status, token };
}

type LockedForRegistration = WindowFields & {
  personId: string;
  email: string;
  firstName: string;
  lastName: string;
  capacity: number | null;
  joinUrl: string | null;
  mode: MeetingMode;
  /** The Comune's name: null without one, or when it does not exist. */
  municipalityName: string | null;
};

/**
 * The person's row written (a known person keeps their record and brings
 * their latest details; consent given now holds from now on, and a
 * registration without it leaves an earlier consent as it is), then the
 * meeting's row locked, in one statement. Gives the person and the meeting as
 * the lock found it; null when the meeting is gone.
 */
async function upsertPersonAndLock(
  tx: Tx,
  { meetingId, input, now, forUpdate }: { meetingId: string; input: RegistrationInput; now: Date; forUpdate: boolean },
): Promise<LockedForRegistration | null> {
  const consent = input.communicationsConsent;
  const rows = await tx.$queryRaw<LockedForRegistration[]>`
    WITH person AS (
      INSERT INTO "Person" (email, "firstName", "lastName", phone, "roleTitle", organisation, "communicationsConsent", "communicationsConsentAt", "updatedAt")
      VALUES (${input.email}, ${input.firstName}, ${input.lastName}, ${input.phone}, ${input.roleTitle}, ${input.organisationName},
              ${consent}, ${consent ? now : null}::timestamptz, ${now})
      ON CONFLICT (email) DO UPDATE SET
        "firstName" = EXCLUDED."firstName", "lastName" = EXCLUDED."lastName", phone = EXCLUDED.phone, "roleTitle" = EXCLUDED."roleTitle",
        "communicationsConsent" = CASE WHEN ${consent} AND "Person"."erasedAt" IS NULL THEN true ELSE "Person"."communicationsConsent" END,
        "communicationsConsentAt" = CASE WHEN ${consent} AND "Person"."erasedAt" IS NULL THEN ${now} ELSE "Person"."communicationsConsentAt" END,
        "updatedAt" = ${now}
      RETURNING id, email, "firstName", "lastName"
    )
    SELECT person.id AS "personId", person.email, person."firstName", person."lastName",
           m.status::text AS status, m.capacity, m."startsAt", m."endsAt", m."registrationOpensAt", m."registrationClosesAt",
           m."joinUrl", m.mode::text AS mode,
           (SELECT name FROM "Municipality" WHERE id = ${input.municipalityId}::uuid) AS "municipalityName"
    FROM person, "Meeting" m
    WHERE m.id = ${meetingId}::uuid
    ${forUpdate ? Prisma.sql`FOR UPDATE OF m` : Prisma.sql`FOR KEY SHARE OF m`}`;
  return rows[0] ?? null;
}

/**
 * Takes the seat and writes the registration, in one statement run under the
 * meeting's lock (a new statement: it sees every registration committed
 * before the lock was granted). With a capacity, confirmed while fewer than
 * that are confirmed, waitlisted otherwise. Someone who cancelled gets the
 * same row back, at the end of the queue like any new arrival; someone
 * registered already gets null (the unique index decides, nothing is written).
 * It also says whether the join link has gone out, read after the lock.
 */
async function insertRegistration(
  tx: Tx,
  {
    meetingId,
    personId,
    capacity,
    input,
    token,
    now,
    source,
    tokenExpiresAt,
  }: {
    meetingId: string;
    personId: string;
    capacity: number | null;
    input: RegistrationInput;
    token: string;
    now: Date;
    source: NonNullable<RegisterOptions["source"]>;
    tokenExpiresAt: Date;
  },
): Promise<{ id: string; status: "CONFIRMED" | "WAITLISTED"; linkSent: boolean } | null> {
  const consent = input.communicationsConsent;
  const status =
    capacity === null
      ? Prisma.sql`'CONFIRMED'`
      : Prisma.sql`CASE WHEN (SELECT count(*) FROM "Registration" WHERE "meetingId" = ${meetingId}::uuid AND status = 'CONFIRMED') < ${capacity}
                    THEN 'CONFIRMED' ELSE 'WAITLISTED' END`;
  const rows = await tx.$queryRaw<{ id: string; status: "CONFIRMED" | "WAITLISTED"; linkSent: boolean }[]>`
    INSERT INTO "Registration" (
      "meetingId", "personId", status, source, "organisationType", "municipalityId", "organisationName", "roleTitle",
      "privacyNoticeVersion", "privacyConsentAt", "communicationsConsent", "communicationsConsentAt",
      "tokenHash", "tokenExpiresAt", "confirmedAt", "updatedAt")
    SELECT ${meetingId}::uuid, ${personId}::uuid, seat.status::"RegistrationStatus", ${source}::"RegistrationSource",
           ${input.organisationType}::"OrganisationType", ${input.municipalityId}::uuid, ${input.organisationName}, ${input.roleTitle},
           ${PRIVACY_NOTICE_VERSION}, ${now}, ${consent}, ${consent ? now : null}::timestamptz,
           ${hashToken(token)}, ${tokenExpiresAt}, CASE WHEN seat.status = 'CONFIRMED' THEN ${now}::timestamptz END, ${now}
    FROM (SELECT ${status} AS status) seat
    ON CONFLICT ("meetingId", "personId") DO UPDATE SET
      status = EXCLUDED.status, source = EXCLUDED.source, "organisationType" = EXCLUDED."organisationType",
      "municipalityId" = EXCLUDED."municipalityId", "organisationName" = EXCLUDED."organisationName", "roleTitle" = EXCLUDED."roleTitle",
      "privacyNoticeVersion" = EXCLUDED."privacyNoticeVersion", "privacyConsentAt" = EXCLUDED."privacyConsentAt",
      "communicationsConsent" = EXCLUDED."communicationsConsent", "communicationsConsentAt" = EXCLUDED."communicationsConsentAt",
      "tokenHash" = EXCLUDED."tokenHash", "tokenExpiresAt" = EXCLUDED."tokenExpiresAt", "tokenRevokedAt" = NULL,
      "confirmedAt" = EXCLUDED."confirmedAt", "cancelledAt" = NULL, "updatedAt" = EXCLUDED."updatedAt",
      arrival = nextval(pg_get_serial_sequence('"Registration"', 'arrival'))
    WHERE "Registration".status = 'CANCELLED'
    RETURNING id, status::text AS status, EXISTS (SELECT 1 FROM "JoinLinkSend" WHERE "meetingId" = ${meetingId}::uuid) AS "linkSent"`;
  return rows[0] ?? null;
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
