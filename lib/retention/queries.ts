// What retention would touch now: each kind's condition, written once in SQL
// (the dry run counts with it, the run acts with it), and the runs so far.
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/platform/database/prisma";
import type { Cutoffs } from "./due";
import type { RetentionKind } from "./labels";

const alias = (name: string) => Prisma.raw(name);

/** A meeting past its reporting period. */
function meetingDue(cut: Cutoffs, meetingId: Prisma.Sql): Prisma.Sql {
  if (!cut.meetingsBefore) return Prisma.sql`FALSE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Meeting" m WHERE m.id = ${meetingId} AND m."startsAt" < ${cut.meetingsBefore})`;
}

export function referentDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`${a}.status = 'REVOKED' AND ${a}."revokedAt" < ${cut.revokedBefore}`;
}

/** Rejected, or approved and replaced by a later approved scheda of the same Comune, the review older than the period. */
export function sheetDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`((${a}.status = 'REJECTED' AND ${a}."reviewedAt" < ${cut.sheetsReviewedBefore})
    OR (${a}.status = 'APPROVED' AND EXISTS (
      SELECT 1 FROM "ReferentSheet" later
      WHERE later."municipalityId" = ${a}."municipalityId" AND later.status = 'APPROVED'
        AND later."reviewedAt" > ${a}."reviewedAt" AND later."reviewedAt" < ${cut.sheetsReviewedBefore})))`;
}

const ERASED_ADDRESS_PATTERN = "cancellato-%@anonimo.invalid";

/** Unanswered, its link expired more than the period ago; or any invitation of a meeting past its reporting period. */
export function invitationDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`${a}.email NOT LIKE ${ERASED_ADDRESS_PATTERN}
    AND ((${a}.status IN ('SENT', 'EXPIRED') AND ${a}."tokenExpiresAt" < ${cut.invitationsExpiredBefore})
      OR ${meetingDue(cut, Prisma.sql`${a}."meetingId"`)})`;
}

export function registrationDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`${a}."anonymisedAt" IS NULL AND ${meetingDue(cut, Prisma.sql`${a}."meetingId"`)}`;
}

export function attendanceImportDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`(${a}.rows <> '[]'::jsonb OR (${a}.summary IS NOT NULL AND ${a}.summary->'changes' <> '[]'::jsonb))
    AND ${meetingDue(cut, Prisma.sql`${a}."meetingId"`)}`;
}

/**
 * A person nothing retains any more: no consent to communications, no
 * registration or invitation still in its period, no referent designation
 * (a revoked one past its period does not count), no scheda of theirs still
 * kept, not named on a scheda waiting for review; and not new. Records this
 * run deletes do not retain: the dry run counts what the run will do.
 */
export function personDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  const keptRegistration = cut.meetingsBefore
    ? Prisma.sql`EXISTS (SELECT 1 FROM "Registration" r JOIN "Meeting" m ON m.id = r."meetingId" WHERE r."personId" = ${a}.id AND m."startsAt" >= ${cut.meetingsBefore})`
    : Prisma.sql`EXISTS (SELECT 1 FROM "Registration" r WHERE r."personId" = ${a}.id)`;
  return Prisma.sql`${a}."erasedAt" IS NULL AND ${a}."communicationsConsent" = FALSE AND ${a}."createdAt" < ${cut.peopleCreatedBefore}
    AND NOT ${keptRegistration}
    AND NOT EXISTS (SELECT 1 FROM "Invitation" i WHERE i.email = ${a}.email AND NOT (${invitationDue(cut, "i")}))
    AND NOT EXISTS (SELECT 1 FROM "Referent" f WHERE f."personId" = ${a}.id AND NOT (${referentDue(cut, "f")}))
    AND NOT EXISTS (SELECT 1 FROM "ReferentSheet" s WHERE (s."officerPersonId" = ${a}.id OR lower(s."officerEmail") = ${a}.email) AND NOT ${sheetDue(cut, "s")})
    AND NOT EXISTS (
      SELECT 1 FROM "ReferentSheetEntry" e JOIN "ReferentSheet" s ON s.id = e."sheetId"
      WHERE s.status = 'PENDING' AND lower(e.email) = ${a}.email)`;
}

const FINISHED_EMAIL = Prisma.sql`('SENT', 'FAILED', 'CANCELLED')`;

/** A finished email older than the period that is not a convocation's (those are the record of who was convened). */
export function emailDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`${a}.status IN ${FINISHED_EMAIL} AND ${a}."createdAt" < ${cut.emailsBefore}
    AND NOT EXISTS (SELECT 1 FROM "DispatchRecipient" d WHERE d."emailMessageId" = ${a}.id)`;
}

/** A convocation's email older than the period whose content is still kept: the recipient and the outcome stay. */
export function dispatchEmailDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  const a = alias(t);
  return Prisma.sql`${a}.status IN ${FINISHED_EMAIL} AND ${a}."createdAt" < ${cut.emailsBefore} AND ${a}.data <> '{}'::jsonb
    AND EXISTS (SELECT 1 FROM "DispatchRecipient" d WHERE d."emailMessageId" = ${a}.id)`;
}

export function auditDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  return Prisma.sql`${alias(t)}."createdAt" < ${cut.auditBefore}`;
}

export function rateLimitDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  return Prisma.sql`${alias(t)}.expire IS NOT NULL AND ${alias(t)}.expire < ${BigInt(cut.rateLimitsExpiredBefore.getTime())}`;
}

export function providerRequestDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  return Prisma.sql`${alias(t)}.answered_at < ${cut.rateLimitsExpiredBefore}`;
}

export function sessionDue(cut: Cutoffs, t = "t"): Prisma.Sql {
  return Prisma.sql`${alias(t)}.expires < ${cut.sessionsExpiredBefore}`;
}

async function count(db: DbOrTx, table: string, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${Prisma.raw(`"${table}"`)} t WHERE ${where}`;
  return row.n;
}

export type RetentionCounts = Record<RetentionKind, number>;

/** The dry run: how many records of each kind a run at `cut.now` would anonymise or delete. */
export async function planRetention(db: DbOrTx, cut: Cutoffs): Promise<RetentionCounts> {
  return {
    revokedReferents: await count(db, "Referent", referentDue(cut)),
    sheets: await count(db, "ReferentSheet", sheetDue(cut)),
    invitations: await count(db, "Invitation", invitationDue(cut)),
    registrations: await count(db, "Registration", registrationDue(cut)),
    attendanceImports: await count(db, "AttendanceImport", attendanceImportDue(cut)),
    people: await count(db, "Person", personDue(cut)),
    emails: await count(db, "EmailMessage", emailDue(cut)),
    dispatchEmails: await count(db, "EmailMessage", dispatchEmailDue(cut)),
    auditEntries: await count(db, "AuditEntry", auditDue(cut)),
    rateLimits: (await count(db, "rate_limits", rateLimitDue(cut))) + (await count(db, "provider_requests", providerRequestDue(cut))),
    sessions: (await count(db, "Session", sessionDue(cut))) + (await count(db, "VerificationToken", sessionDue(cut))),
  };
}

export type RetentionRunRow = { id: string; day: Date; startedAt: Date; finishedAt: Date | null; counts: Partial<RetentionCounts> | null };

/** The latest runs, newest first. */
export async function listRetentionRuns(db: DbOrTx, { take = 10 }: { take?: number } = {}): Promise<RetentionRunRow[]> {
  const rows = await db.retentionRun.findMany({ orderBy: { day: "desc" }, take });
  return rows.map((row) => ({ ...row, counts: (row.counts as Partial<RetentionCounts> | null) ?? null }));
}
