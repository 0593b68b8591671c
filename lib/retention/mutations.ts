// The daily retention run: what the privacy notice promises, done. Each kind
// is anonymised or deleted by the condition the dry run counts with
// (queries.ts); people go the way "Persone → Cancella i dati" erases them, so
// the counts and the register's totals survive. One audit entry per run.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/platform/database/prisma";
import { romeIsoDate } from "@/lib/platform/format/dates";
import { recordAudit } from "@/lib/audit/mutations";
import { erasePersonIn } from "@/lib/people/mutations";
import { ERASED_FIRST_NAME, ERASED_LAST_NAME } from "@/lib/people/scrub";
import { retentionCutoffs, type Cutoffs } from "./due";
import { RETENTION_KINDS, type RetentionKind } from "./labels";
import {
  attendanceImportDue,
  auditDue,
  dispatchEmailDue,
  emailDue,
  invitationDue,
  personDue,
  providerRequestDue,
  rateLimitDue,
  referentDue,
  registrationDue,
  sessionDue,
  sheetDue,
  type RetentionCounts,
} from "./queries";
import { retentionSettings, type RetentionSettings } from "./settings";

/** Who the run's audit entry names. */
export const RETENTION_ACTOR = { label: "sistema (conservazione dei dati)" };

/** An unfinished run (a crash) is taken over after this long. */
const STALE_CLAIM_MS = 60 * 60 * 1000;

/** People erased per transaction: a first run on years of data does not hold one transaction for minutes. */
const PEOPLE_PER_TRANSACTION = 50;

type Apply = (db: PrismaClient, cut: Cutoffs) => Promise<number>;

const inTransaction = (db: PrismaClient, work: (tx: Tx) => Promise<number>) => db.$transaction(work, { timeout: 120_000 });

const APPLY: Record<RetentionKind, Apply> = {
  revokedReferents: (db, cut) => db.$executeRaw`DELETE FROM "Referent" t WHERE ${referentDue(cut)}`,
  // Their entries go with them (ON DELETE CASCADE); referents they designated keep their designation.
  sheets: (db, cut) => db.$executeRaw`DELETE FROM "ReferentSheet" t WHERE ${sheetDue(cut)}`,
  invitations: (db, cut) => db.$executeRaw`
    UPDATE "Invitation" t
    SET email = 'cancellato-' || t.id || '@anonimo.invalid', "firstName" = ${ERASED_FIRST_NAME}, "lastName" = ${ERASED_LAST_NAME},
        status = CASE WHEN t.status = 'SENT' THEN 'EXPIRED'::"InvitationStatus" ELSE t.status END, "updatedAt" = ${cut.now}
    WHERE ${invitationDue(cut)}`,
  registrations: (db, cut) => db.$executeRaw`
    UPDATE "Registration" t
    SET "roleTitle" = NULL,
        "organisationName" = CASE WHEN t."organisationType" = 'ALTRO_ENTE' THEN NULL ELSE t."organisationName" END,
        "tokenRevokedAt" = COALESCE(t."tokenRevokedAt", ${cut.now}), "anonymisedAt" = ${cut.now}, "updatedAt" = ${cut.now}
    WHERE ${registrationDue(cut)}`,
  attendanceImports: (db, cut) => db.$executeRaw`
    UPDATE "AttendanceImport" t
    SET rows = '[]'::jsonb, summary = CASE WHEN t.summary IS NULL THEN NULL ELSE jsonb_set(t.summary, '{changes}', '[]'::jsonb) END
    WHERE ${attendanceImportDue(cut)}`,
  people: async (db, cut) => {
    const due = await db.$queryRaw<{ id: string }[]>`SELECT t.id FROM "Person" t WHERE ${personDue(cut)} ORDER BY t."createdAt"`;
    let erased = 0;
    for (let from = 0; from < due.length; from += PEOPLE_PER_TRANSACTION) {
      const ids = due.slice(from, from + PEOPLE_PER_TRANSACTION).map((row) => row.id);
      erased += await inTransaction(db, async (tx) => {
        // Checked again under the lock: a registration made since the list was read keeps the person.
        const still = await tx.$queryRaw<{ id: string }[]>`
          SELECT t.id FROM "Person" t WHERE t.id = ANY(${ids}::uuid[]) AND ${personDue(cut)} FOR UPDATE OF t`;
        let count = 0;
        for (const { id } of still) {
          if ((await erasePersonIn(tx, { personId: id, now: cut.now })).ok) count++;
        }
        return count;
      });
    }
    return erased;
  },
  emails: (db, cut) =>
    inTransaction(db, async (tx) => {
      const due = Prisma.sql`SELECT t.id FROM "EmailMessage" t WHERE ${emailDue(cut)}`;
      // Their delivery reports go with them; a PEC receipt of a message no longer kept proves nothing.
      await tx.$executeRaw`DELETE FROM "EmailEvent" WHERE "emailMessageId" IN (${due})`;
      await tx.$executeRaw`DELETE FROM "PecReceipt" WHERE "emailMessageId" IN (${due})`;
      return tx.$executeRaw`DELETE FROM "EmailMessage" t WHERE ${emailDue(cut)}`;
    }),
  dispatchEmails: (db, cut) => db.$executeRaw`UPDATE "EmailMessage" t SET data = '{}'::jsonb, "toName" = NULL WHERE ${dispatchEmailDue(cut)}`,
  auditEntries: (db, cut) => db.$executeRaw`DELETE FROM "AuditEntry" t WHERE ${auditDue(cut)}`,
  rateLimits: async (db, cut) =>
    (await db.$executeRaw`DELETE FROM "rate_limits" t WHERE ${rateLimitDue(cut)}`) +
    (await db.$executeRaw`DELETE FROM "provider_requests" t WHERE ${providerRequestDue(cut)}`),
  sessions: async (db, cut) =>
    (await db.$executeRaw`DELETE FROM "Session" t WHERE ${sessionDue(cut)}`) +
    (await db.$executeRaw`DELETE FROM "VerificationToken" t WHERE ${sessionDue(cut)}`),
};

/** Anonymises and deletes everything due at `now`, kind by kind; what it did, by kind. No audit entry: see runDailyRetention. */
export async function applyRetention(db: PrismaClient, { now, settings }: { now: Date; settings: RetentionSettings }): Promise<RetentionCounts> {
  const cut = retentionCutoffs(settings, now);
  const counts = {} as RetentionCounts;
  for (const kind of RETENTION_KINDS) counts[kind] = await APPLY[kind](db, cut);
  return counts;
}

export type DailyRetentionResult = { ran: false; reason: "already-ran" | "running" } | { ran: true; runId: string; counts: RetentionCounts };

/**
 * The tick's retention step: once a day in Rome. The first tick of the day
 * claims the day's row (two schedulers at once: one claims, the other skips);
 * the run ends by recording what it did and one audit entry, in one
 * transaction. A run that crashed is taken over an hour later; every kind is
 * idempotent, so doing part of it again changes nothing.
 */
export async function runDailyRetention(
  db: PrismaClient,
  { now = new Date(), settings = retentionSettings() }: { now?: Date; settings?: RetentionSettings } = {},
): Promise<DailyRetentionResult> {
  const day = romeIsoDate(now);
  const [claimed] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "RetentionRun" (day, "startedAt") VALUES (${day}::date, ${now})
    ON CONFLICT (day) DO UPDATE SET "startedAt" = EXCLUDED."startedAt"
      WHERE "RetentionRun"."finishedAt" IS NULL AND "RetentionRun"."startedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)}
    RETURNING id`;
  if (!claimed) {
    const run = await db.retentionRun.findUnique({ where: { day: new Date(`${day}T00:00:00Z`) }, select: { finishedAt: true } });
    return { ran: false, reason: run?.finishedAt ? "already-ran" : "running" };
  }
  const counts = await applyRetention(db, { now, settings });
  await db.$transaction(async (tx) => {
    await tx.retentionRun.update({ where: { id: claimed.id }, data: { finishedAt: new Date(), counts } });
    await recordAudit(tx, {
      actor: RETENTION_ACTOR,
      action: "retention.run",
      entityType: "RetentionRun",
      entityId: claimed.id,
      details: { day, counts },
    });
  });
  return { ran: true, runId: claimed.id, counts };
}
