import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { romeDayEnd, romeDayStart } from "@/lib/format/rome-days";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NO_USER_ACTOR, type AuditFilters } from "./filters";

export const AUDIT_PAGE_SIZE = 50;

const auditEntrySelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  createdAt: true,
  actorId: true,
  actorLabel: true,
  actor: { select: { email: true, name: true } },
} satisfies Prisma.AuditEntrySelect;

export type AuditLogEntry = Prisma.AuditEntryGetPayload<{ select: typeof auditEntrySelect }>;

export type AuditLogPage = { entries: AuditLogEntry[]; total: number; page: number; pageCount: number };

function auditWhere(filters: Omit<AuditFilters, "page">): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput = {};
  if (filters.actor) where.actorId = filters.actor === NO_USER_ACTOR ? null : filters.actor;
  if (filters.action) where.action = { startsWith: filters.action };
  if (filters.entityType) where.entityType = filters.entityType;
  if (filters.entityId) where.entityId = filters.entityId;
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: romeDayStart(filters.from) } : {}),
      ...(filters.to ? { lt: romeDayEnd(filters.to) } : {}),
    };
  }
  return where;
}

/** One page of the audit log, newest first. */
export async function listAuditEntries(filters: AuditFilters, db: Db = defaultDb, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
  const where = auditWhere(filters);
  const [total, entries] = await Promise.all([
    db.auditEntry.count({ where }),
    db.auditEntry.findMany({
      where,
      select: auditEntrySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { entries, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
