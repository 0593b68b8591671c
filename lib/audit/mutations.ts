// The audit log: every dashboard write records who did what to which record,
// with the state before and after, in the transaction of the change itself,
// so a rolled-back change leaves no entry and a committed one always has one.
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditActor = { id: string } | { label: string };

export type AuditInput = {
  actor: AuditActor;
  /** Dotted verb: "meeting.publish", "registration.check-in", "user.role". */
  action: string;
  entityType: "Meeting" | "Registration" | "Invitation" | "User" | "EmailMessage" | "Municipality" | "Referent" | "ManagingBody" | "Person" | "ReferentSheet" | "RetentionRun";
  entityId?: string | null;
  /** Only the fields that matter; never a token, a token hash or a join link. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  /** Anything else worth keeping: a reason, a count, the filter of a bulk action. */
  details?: Prisma.InputJsonValue | null;
};

function auditRow(entry: AuditInput): Prisma.AuditEntryCreateManyInput {
  const data: Record<string, Prisma.InputJsonValue> = {};
  if (entry.before != null) data.before = entry.before;
  if (entry.after != null) data.after = entry.after;
  if (entry.details != null) data.details = entry.details;
  return {
    ...("id" in entry.actor ? { actorId: entry.actor.id } : { actorLabel: entry.actor.label }),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: Object.keys(data).length > 0 ? data : undefined,
  };
}

export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(entry) });
}

/** Many entries in one statement, for a change that touches many records at once (an import). */
export async function recordAudits(tx: Prisma.TransactionClient, entries: AuditInput[]): Promise<void> {
  if (entries.length > 0) await tx.auditEntry.createMany({ data: entries.map(auditRow) });
}

/** How long a repeated identical export counts as the same one. */
export const EXPORT_REPEAT_WINDOW_MS = 10_000;

/**
 * An export (personal data leaving the portal) on the log once: a download
 * the browser asks for twice (a retried or double-clicked link, a HEAD before
 * the GET) within a few seconds, by the same user, of the same records in the
 * same form, is one export, not two. The advisory lock makes two simultaneous
 * requests take turns, so the second sees the first's entry.
 */
export async function recordExport(tx: Prisma.TransactionClient, { now = new Date(), ...entry }: { now?: Date } & AuditInput): Promise<{ recorded: boolean }> {
  const row = auditRow(entry);
  const key = [row.actorId ?? row.actorLabel, row.action, row.entityType, row.entityId].join("|");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  const repeat = await tx.auditEntry.findFirst({
    where: {
      actorId: row.actorId ?? null,
      actorLabel: row.actorLabel ?? null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId ?? null,
      createdAt: { gte: new Date(now.getTime() - EXPORT_REPEAT_WINDOW_MS) },
      ...(row.data ? { data: { equals: row.data as Prisma.InputJsonValue } } : {}),
    },
    select: { id: true },
  });
  if (repeat) return { recorded: false };
  await tx.auditEntry.create({ data: row });
  return { recorded: true };
}
