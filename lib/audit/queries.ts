import "server-only";
import type { Db } from "@/lib/db";
import { romeDayEnd, romeDayStart } from "@/lib/platform/format/rome-days";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
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

type AuditRow = Prisma.AuditEntryGetPayload<{ select: typeof auditEntrySelect }>;

export type AuditLogEntry = AuditRow & {
  /** What the record is called: the meeting's title, the person's name, the Comune; null when it is gone or has no name. */
  entityName: string | null;
  /** The meeting the entry concerns when the record is not the meeting itself (a registration, an attestato). */
  meetingTitle: string | null;
};

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
export async function listAuditEntries(db: Db, { pageSize = AUDIT_PAGE_SIZE, ...filters }: { pageSize?: number } & AuditFilters): Promise<AuditLogPage> {
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
  return { entries: await withNames(db, entries), total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`.trim();

function detailsMeetingId(data: unknown): string | null {
  const details = data && typeof data === "object" ? (data as { details?: { meetingId?: unknown } }).details : undefined;
  return typeof details?.meetingId === "string" ? details.meetingId : null;
}

/**
 * The names of the records a page of entries concerns, one query per kind of
 * record (never one per row); ids that are not uuids, or whose record is gone,
 * get no name.
 */
async function withNames(db: Db, entries: AuditRow[]): Promise<AuditLogEntry[]> {
  const idsOf = (type: string) => [...new Set(entries.filter((entry) => entry.entityType === type && entry.entityId && UUID.test(entry.entityId)).map((entry) => entry.entityId!))];
  const meetingIds = [...new Set([...idsOf("Meeting"), ...entries.map((entry) => detailsMeetingId(entry.data)).filter((id): id is string => id !== null && UUID.test(id))])];
  const find = <T extends { id: string }>(ids: string[], query: (ids: string[]) => Promise<T[]>) => (ids.length > 0 ? query(ids) : Promise.resolve([] as T[]));
  const person = { select: { firstName: true, lastName: true } } as const;
  const [meetings, registrations, invitations, users, emails, municipalities, referents, bodies, people, sheets, retentionRuns] = await Promise.all([
    find(meetingIds, (ids) => db.meeting.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })),
    find(idsOf("Registration"), (ids) => db.registration.findMany({ where: { id: { in: ids } }, select: { id: true, person } })),
    find(idsOf("Invitation"), (ids) => db.invitation.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true, managingBodyName: true } })),
    find(idsOf("User"), (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })),
    find(idsOf("EmailMessage"), (ids) => db.emailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, toEmail: true, toName: true } })),
    find(idsOf("Municipality"), (ids) => db.municipality.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    find(idsOf("Referent"), (ids) => db.referent.findMany({ where: { id: { in: ids } }, select: { id: true, person, municipality: { select: { name: true } } } })),
    find(idsOf("ManagingBody"), (ids) => db.managingBody.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })),
    find(idsOf("Person"), (ids) => db.person.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true, lastName: true } })),
    find(idsOf("ReferentSheet"), (ids) => db.referentSheet.findMany({ where: { id: { in: ids } }, select: { id: true, municipality: { select: { name: true } } } })),
    find(idsOf("RetentionRun"), (ids) => db.retentionRun.findMany({ where: { id: { in: ids } }, select: { id: true, day: true } })),
  ]);
  const names = new Map<string, string>();
  const put = (type: string, id: string, name: string) => names.set(`${type}:${id}`, name);
  for (const row of meetings) put("Meeting", row.id, row.title);
  for (const row of registrations) put("Registration", row.id, fullName(row.person));
  for (const row of invitations) put("Invitation", row.id, `${fullName(row)} (${row.managingBodyName})`);
  for (const row of users) put("User", row.id, row.name ? `${row.name} (${row.email})` : row.email);
  for (const row of emails) put("EmailMessage", row.id, row.toName ? `${row.toName} <${row.toEmail}>` : row.toEmail);
  for (const row of municipalities) put("Municipality", row.id, row.name);
  for (const row of referents) put("Referent", row.id, `${fullName(row.person)} (${row.municipality.name})`);
  for (const row of bodies) put("ManagingBody", row.id, row.name);
  for (const row of people) put("Person", row.id, fullName(row));
  for (const row of sheets) put("ReferentSheet", row.id, `Comune di ${row.municipality.name}`);
  for (const row of retentionRuns) put("RetentionRun", row.id, `Esecuzione del ${formatIsoCalendarDate(row.day.toISOString().slice(0, 10))}`);
  return entries.map((entry) => {
    const meetingId = entry.entityType === "Meeting" ? null : detailsMeetingId(entry.data);
    return {
      ...entry,
      entityName: entry.entityId ? (names.get(`${entry.entityType}:${entry.entityId}`) ?? null) : null,
      meetingTitle: meetingId ? (names.get(`Meeting:${meetingId}`) ?? null) : null,
    };
  });
}
