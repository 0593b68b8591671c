import "server-only";
// Issuing, re-sending and revoking attestati, and the meeting's threshold.
// Each call is one transaction on the locked meeting row, so two
// coordinators pressing "issue" together issue each attestato once; the
// email is written in the same transaction (enqueueEmailOnce), and the
// audit entry too. Only the SHA-256 of a code is stored: the code travels in
// the email alone, so re-sending means a new code, and the old one stops
// verifying.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { cancelQueuedEmails, enqueueEmailOnce } from "@/lib/email/mutations";
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import { describeMode } from "@/lib/meetings/labels";
import { appOrigin } from "@/lib/site";
import { generateCertificateCode, hashCertificateCode } from "./code";
import { certificateEligibility } from "./eligibility";
import { certificateMeetingSelect, eligibilityContext, meetingHasMinutes, type CertificateMeeting } from "./queries";
import { routes } from "@/lib/routes";

type Actor = { id: string };

const TRANSACTION = { maxWait: 30_000, timeout: 60_000 } as const;

export type MeetingFailure = "MEETING_NOT_FOUND" | "MEETING_CANCELLED" | "MEETING_NOT_OVER";

/** Locks the meeting row and reads it; refuses a cancelled meeting or one not yet over. */
async function lockedMeeting(tx: Tx, meetingId: string, now: Date): Promise<{ ok: true; meeting: CertificateMeeting } | { ok: false; reason: MeetingFailure }> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
  if (locked.length === 0) return { ok: false, reason: "MEETING_NOT_FOUND" };
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: certificateMeetingSelect });
  if (meeting.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
  if (meeting.endsAt > now) return { ok: false, reason: "MEETING_NOT_OVER" };
  return { ok: true, meeting };
}

export function certificateUrls(code: string) {
  const verifyUrl = `${appOrigin()}${routes.certificate(code).page()}`;
  return { verifyUrl, downloadUrl: `${appOrigin()}${routes.certificate(code).pdf()}` };
}

type Recipient = { registrationId: string; email: string; firstName: string; lastName: string };

async function sendCertificateEmail(
  tx: Tx,
  meeting: CertificateMeeting,
  certificate: { id: string; issuedAt: Date; minutes: number },
  recipient: Recipient,
  code: string,
  replacesPrevious: boolean,
) {
  await enqueueEmailOnce(tx, {
    template: "certificate",
    toEmail: recipient.email,
    toName: `${recipient.firstName} ${recipient.lastName}`,
    meetingId: meeting.id,
    registrationId: recipient.registrationId,
    // The first issue is "certificate:<id>"; each new code has a key of its own.
    dedupeKey: replacesPrevious ? `certificate:${certificate.id}:${certificate.issuedAt.getTime()}` : `certificate:${certificate.id}`,
    data: {
      recipientName: recipient.firstName,
      meetingTitle: meeting.title,
      when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
      where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
      meetingUrl: `${appOrigin()}${routes.public.meeting(meeting.slug).page()}`,
      minutes: certificate.minutes,
      code,
      ...certificateUrls(code),
      replacesPrevious,
    },
  });
}

export const CANCELLED_REPLACED = "Annullato: sostituito da un nuovo codice";
export const CANCELLED_REVOKED = "Annullato: attestato revocato";

/** The attestato emails of one registration (one attestato each). */
const certificateEmails = (registrationId: string) => ({ registrationId, template: "certificate" });

function newCode() {
  const code = generateCertificateCode();
  return { code, codeHash: hashCertificateCode(code)! };
}

const candidateSelect = {
  id: true,
  status: true,
  person: { select: { email: true, firstName: true, lastName: true, erasedAt: true } },
  attendance: { select: { status: true, minutes: true } },
  certificate: { select: { id: true, revokedAt: true, updatedAt: true, issuedAt: true } },
} satisfies Prisma.RegistrationSelect;

// ---------------------------------------------------------------------------

export type ThresholdResult = { ok: true; changed: boolean } | { ok: false; reason: "MEETING_NOT_FOUND" };

/** The minutes of presence an attestato needs. Certificates already issued stay as they are. */
export async function updateCertificateThreshold(db: Db, { actor, ...input }: { actor: Actor; meetingId: string; minutes: number }): Promise<ThresholdResult> {
  return db.$transaction(async (tx): Promise<ThresholdResult> => {
    const locked = await tx.$queryRaw<{ certificateMinMinutes: number }[]>`
      SELECT "certificateMinMinutes" FROM "Meeting" WHERE id = ${input.meetingId}::uuid FOR UPDATE`;
    if (locked.length === 0) return { ok: false, reason: "MEETING_NOT_FOUND" };
    const before = locked[0].certificateMinMinutes;
    if (before === input.minutes) return { ok: true, changed: false };
    await tx.meeting.update({ where: { id: input.meetingId }, data: { certificateMinMinutes: input.minutes } });
    await recordAudit(tx, {
      actor,
      action: "meeting.certificate-threshold",
      entityType: "Meeting",
      entityId: input.meetingId,
      before: { certificateMinMinutes: before },
      after: { certificateMinMinutes: input.minutes },
    });
    return { ok: true, changed: true };
  });
}

export type IssueSkipReason = "NOT_FOUND" | "NOT_CONFIRMED" | "NOT_ELIGIBLE" | "ALREADY_ISSUED" | "ERASED";

export type IssueResult =
  | { ok: true; issued: string[]; skipped: { id: string; reason: IssueSkipReason }[] }
  | { ok: false; reason: MeetingFailure };

/**
 * Issues and sends an attestato to each eligible registrant without one:
 * all of the meeting's (`registrationIds` absent) or the ones given. A
 * revoked attestato counts as one: only "re-send" gives it a new code.
 */
export async function issueCertificates(
  db: Db,
  { actor, ...input }: { actor: Actor; meetingId: string; registrationIds?: readonly string[]; now?: Date },
): Promise<IssueResult> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx): Promise<IssueResult> => {
    const locked = await lockedMeeting(tx, input.meetingId, now);
    if (!locked.ok) return locked;
    const { meeting } = locked;
    const ids = input.registrationIds ? [...new Set(input.registrationIds)] : null;
    const candidates = await tx.registration.findMany({
      where: { meetingId: meeting.id, ...(ids ? { id: { in: ids } } : { status: "CONFIRMED", certificate: { is: null } }) },
      select: candidateSelect,
      orderBy: { arrival: "asc" },
    });
    const context = eligibilityContext(meeting, await meetingHasMinutes(tx, meeting.id));
    const skipped: { id: string; reason: IssueSkipReason }[] = [];
    const found = new Set(candidates.map((candidate) => candidate.id));
    for (const id of ids ?? []) if (!found.has(id)) skipped.push({ id, reason: "NOT_FOUND" });

    const issued: string[] = [];
    for (const candidate of candidates) {
      const eligibility = certificateEligibility(candidate.attendance, context);
      const reason: IssueSkipReason | null =
        candidate.status !== "CONFIRMED"
          ? "NOT_CONFIRMED"
          : candidate.certificate
            ? "ALREADY_ISSUED"
            : candidate.person.erasedAt
              ? "ERASED"
              : !eligibility.eligible
                ? "NOT_ELIGIBLE"
                : null;
      if (reason || !eligibility.eligible) {
        if (ids) skipped.push({ id: candidate.id, reason: reason ?? "NOT_ELIGIBLE" });
        continue;
      }
      const { code, codeHash } = newCode();
      // The meeting row is locked, so no one else issues for this registration meanwhile;
      // skipDuplicates keeps a unique violation from aborting the transaction anyway.
      const [certificate] = await tx.certificate.createManyAndReturn({
        data: [{ registrationId: candidate.id, codeHash, minutes: eligibility.minutes, issuedById: actor.id, issuedAt: now }],
        skipDuplicates: true,
        select: { id: true, issuedAt: true, minutes: true },
      });
      if (!certificate) {
        skipped.push({ id: candidate.id, reason: "ALREADY_ISSUED" });
        continue;
      }
      await sendCertificateEmail(tx, meeting, certificate, { registrationId: candidate.id, ...candidate.person }, code, false);
      await recordAudit(tx, {
        actor,
        action: "certificate.issue",
        entityType: "Registration",
        entityId: candidate.id,
        after: { minutes: certificate.minutes },
        details: { meetingId: meeting.id, certificateId: certificate.id, threshold: meeting.certificateMinMinutes, wholeMeeting: eligibility.wholeMeeting },
      });
      issued.push(candidate.id);
    }
    return { ok: true, issued, skipped };
  }, TRANSACTION);
}

export type OneFailure = MeetingFailure | "NOT_ISSUED" | "STALE" | "NOT_ELIGIBLE" | "ALREADY_REVOKED" | "ERASED";

export type ReissueResult = { ok: true; certificateId: string } | { ok: false; reason: OneFailure };

/**
 * A new code for an existing attestato (active or revoked), sent by email:
 * the old code stops verifying at once. `version` is the attestato's
 * updatedAt as the page showed it: a second press of the same button finds
 * it changed and sends nothing more.
 */
export async function reissueCertificate(
  db: Db,
  { actor, ...input }: { actor: Actor; meetingId: string; registrationId: string; version?: string | null; now?: Date },
): Promise<ReissueResult> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx): Promise<ReissueResult> => {
    const locked = await lockedMeeting(tx, input.meetingId, now);
    if (!locked.ok) return locked;
    const { meeting } = locked;
    const registration = await tx.registration.findFirst({ where: { id: input.registrationId, meetingId: meeting.id }, select: candidateSelect });
    const certificate = registration?.certificate;
    if (!registration || !certificate) return { ok: false, reason: "NOT_ISSUED" };
    if (input.version && certificate.updatedAt.toISOString() !== input.version) return { ok: false, reason: "STALE" };
    if (registration.person.erasedAt) return { ok: false, reason: "ERASED" };
    const eligibility = certificateEligibility(registration.attendance, eligibilityContext(meeting, await meetingHasMinutes(tx, meeting.id)));
    if (registration.status !== "CONFIRMED" || !eligibility.eligible) return { ok: false, reason: "NOT_ELIGIBLE" };
    const { code, codeHash } = newCode();
    // An email with the old code still waiting would arrive with a code that no longer verifies.
    await cancelQueuedEmails(tx, { where: certificateEmails(registration.id), reason: CANCELLED_REPLACED });
    const updated = await tx.certificate.update({
      where: { id: certificate.id },
      data: { codeHash, minutes: eligibility.minutes, issuedAt: now, revokedAt: null, issuedById: actor.id },
      select: { id: true, issuedAt: true, minutes: true },
    });
    await sendCertificateEmail(tx, meeting, updated, { registrationId: registration.id, ...registration.person }, code, true);
    await recordAudit(tx, {
      actor,
      action: "certificate.reissue",
      entityType: "Registration",
      entityId: registration.id,
      before: { issuedAt: certificate.issuedAt.toISOString(), revokedAt: certificate.revokedAt?.toISOString() ?? null },
      after: { issuedAt: updated.issuedAt.toISOString(), revokedAt: null, minutes: updated.minutes },
      details: { meetingId: meeting.id, certificateId: certificate.id, previousCodeRevoked: true },
    });
    return { ok: true, certificateId: updated.id };
  }, TRANSACTION);
}

export type RevokeResult = { ok: true } | { ok: false; reason: "MEETING_NOT_FOUND" | "NOT_ISSUED" | "ALREADY_REVOKED" };

/** The attestato stops verifying; its row stays, so the log and the page say it was revoked. */
export async function revokeCertificate(
  db: Db,
  { actor, ...input }: { actor: Actor; meetingId: string; registrationId: string; now?: Date },
): Promise<RevokeResult> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx): Promise<RevokeResult> => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Meeting" WHERE id = ${input.meetingId}::uuid FOR UPDATE`;
    if (locked.length === 0) return { ok: false, reason: "MEETING_NOT_FOUND" };
    const certificate = await tx.certificate.findFirst({
      where: { registrationId: input.registrationId, registration: { meetingId: input.meetingId } },
      select: { id: true, revokedAt: true },
    });
    if (!certificate) return { ok: false, reason: "NOT_ISSUED" };
    if (certificate.revokedAt) return { ok: false, reason: "ALREADY_REVOKED" };
    await tx.certificate.update({ where: { id: certificate.id }, data: { revokedAt: now } });
    await cancelQueuedEmails(tx, { where: certificateEmails(input.registrationId), reason: CANCELLED_REVOKED });
    await recordAudit(tx, {
      actor,
      action: "certificate.revoke",
      entityType: "Registration",
      entityId: input.registrationId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
      details: { meetingId: input.meetingId, certificateId: certificate.id },
    });
    return { ok: true };
  });
}

/** A coordinator downloaded the archive copy of an attestato: personal data leaving the portal. */
export async function recordCertificateCopy(db: Db, { actor, ...input }: { actor: Actor; meetingId: string; registrationId: string; certificateId: string }) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: "certificate.copy",
      entityType: "Registration",
      entityId: input.registrationId,
      details: { meetingId: input.meetingId, certificateId: input.certificateId },
    }),
  );
  return { ok: true as const };
}
