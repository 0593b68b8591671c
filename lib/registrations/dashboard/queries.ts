import "server-only";
// A meeting's registrations for the coordinators' dashboard: the paginated
// table, the counts, the registrations per day (Rome days) and the rows of
// the export, all read with the same filters so a table and its export agree.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceMethod, AttendanceStatus, InvitationStatus, OrganisationType, RegistrationSource, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { TIME_ZONE } from "@/lib/platform/format/dates";
import { describeInviter } from "@/lib/invitations/inviter";
import type { ExportRow } from "./export";
import { DEFAULT_LIST_PARAMS, meetingIdSchema, type RegistrationListParams } from "./schema";

const meetingSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  capacity: true,
  startsAt: true,
  endsAt: true,
  datesPending: true,
} satisfies Prisma.MeetingSelect;

export type RegistrationsMeeting = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

/** The meeting heading the registrations pages; null for a malformed or unknown id. */
export async function getRegistrationsMeeting(db: Db, meetingId: string): Promise<RegistrationsMeeting | null> {
  if (!meetingIdSchema.safeParse(meetingId).success) return null;
  return db.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
}

/**
 * Every word of the search must match the name, email or organisation.
 * Prisma hands `contains` to ILIKE as is: "%" and "_" are escaped so they
 * match themselves.
 */
function searchWhere(q: string): Prisma.RegistrationWhereInput[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => {
      const contains = { contains: word.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
      return {
        OR: [
          { person: { firstName: contains } },
          { person: { lastName: contains } },
          { person: { email: contains } },
          { organisationName: contains },
          { municipality: { name: contains } },
          { managingBody: { name: contains } },
        ],
      };
    });
}

function registrationWhere(meetingId: string, params: RegistrationListParams): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [{ meetingId }, ...searchWhere(params.q)];
  if (params.status) and.push({ status: params.status });
  if (params.organisationType) and.push({ organisationType: params.organisationType });
  if (params.province) and.push({ municipality: { is: { province: params.province } } });
  if (params.attendance === "NONE") and.push({ attendance: { is: null } });
  else if (params.attendance) and.push({ attendance: { is: { status: params.attendance } } });
  return { AND: and };
}

function registrationOrder(params: RegistrationListParams): Prisma.RegistrationOrderByWithRelationInput[] {
  const dir = params.dir;
  const byArrival = { arrival: "asc" } as const;
  switch (params.sort) {
    case "name":
      return [{ person: { lastName: dir } }, { person: { firstName: dir } }, byArrival];
    case "email":
      return [{ person: { email: dir } }, byArrival];
    case "organisation":
      return [{ municipality: { name: dir } }, { organisationName: { sort: dir, nulls: "last" } }, byArrival];
    case "registeredAt":
      return [{ createdAt: dir }, byArrival];
    case "status":
      return [{ status: dir }, byArrival];
    default:
      return [{ arrival: dir }];
  }
}

const organisationSelect = {
  organisationType: true,
  organisationName: true,
  municipality: { select: { name: true, province: true } },
  managingBody: { select: { name: true } },
} satisfies Prisma.RegistrationSelect;

type OrganisationFields = Prisma.RegistrationGetPayload<{ select: typeof organisationSelect }>;

/** "Comune di Palermo (PA)", the managing body, or the name the registrant typed. */
export function organisationLabel(registration: OrganisationFields): string {
  if (registration.municipality) return `Comune di ${registration.municipality.name} (${registration.municipality.province})`;
  return registration.managingBody?.name ?? registration.organisationName ?? "";
}

const inviterSelect = {
  invitation: {
    select: {
      invitedBy: {
        select: { ...organisationSelect, person: { select: { firstName: true, lastName: true, email: true } } },
      },
      invitedByUser: { select: { name: true, email: true } },
      municipality: { select: { name: true, province: true } },
    },
  },
} satisfies Prisma.RegistrationSelect;

type InviterFields = Prisma.RegistrationGetPayload<{ select: typeof inviterSelect }>;

export type Inviter = { name: string; email: string; organisation: string };

function inviterOf(registration: InviterFields): Inviter | null {
  const invitation = registration.invitation;
  if (!invitation) return null;
  const inviter = invitation.invitedBy;
  if (!inviter) {
    // A coordinator's direct invitation (lib/invitations/inviter.ts says it the same way).
    const direct = describeInviter({ ...invitation, invitedBy: null });
    const municipality = invitation.municipality ? ` per il Comune di ${invitation.municipality.name} (${invitation.municipality.province})` : "";
    return { name: direct.name, email: direct.email ?? "", organisation: `${direct.organisation}${municipality}` };
  }
  return {
    name: `${inviter.person.firstName} ${inviter.person.lastName}`,
    email: inviter.person.email,
    organisation: organisationLabel(inviter),
  };
}

const rowSelect = {
  id: true,
  arrival: true,
  status: true,
  source: true,
  createdAt: true,
  confirmedAt: true,
  cancelledAt: true,
  roleTitle: true,
  ...organisationSelect,
  ...inviterSelect,
  person: { select: { firstName: true, lastName: true, email: true, phone: true } },
  attendance: { select: { status: true, method: true, checkedInAt: true } },
  _count: { select: { invitationsSent: true } },
} satisfies Prisma.RegistrationSelect;

export type RegistrationRow = {
  id: string;
  /** Place in the meeting's arrival order: 1 for the first to register. */
  arrival: number;
  status: RegistrationStatus;
  source: RegistrationSource;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  roleTitle: string | null;
  organisationType: OrganisationType;
  organisation: string;
  registeredAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  attendance: { status: AttendanceStatus; method: AttendanceMethod; checkedInAt: Date | null } | null;
  invitedBy: Inviter | null;
  nomineeCount: number;
};

export type RegistrationPage = {
  rows: RegistrationRow[];
  /** Rows matching the filters, over every page. */
  total: number;
  page: number;
  pageCount: number;
  params: RegistrationListParams;
};

/**
 * Each registration's place in its meeting's arrival order (1 for the first
 * to register, cancelled ones included). The stored arrival number is global
 * to every meeting, so it is no use to a coordinator reading one list.
 */
async function arrivalPositions(db: Db, meetingId: string, ids: string[] | null): Promise<Map<string, number>> {
  if (ids?.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; position: bigint }[]>`
    SELECT id::text AS id, position FROM (
      SELECT id, ROW_NUMBER() OVER (ORDER BY arrival) AS position FROM "Registration" WHERE "meetingId" = ${meetingId}::uuid
    ) ranked
    WHERE ${ids === null} OR id = ANY(${ids ?? []}::uuid[])`;
  return new Map(rows.map((row) => [row.id, Number(row.position)]));
}

/**
 * One page of a meeting's registrations, searched, filtered and sorted on
 * the server. A page past the end shows the last one.
 */
/** Who registered, as the list and the export both show them. */
function registrant(row: { person: { firstName: string; lastName: string; email: string; phone: string | null }; roleTitle: string | null; organisationType: OrganisationType }) {
  const { firstName, lastName, email, phone } = row.person;
  return { firstName, lastName, email, phone, roleTitle: row.roleTitle, organisationType: row.organisationType };
}

export async function listMeetingRegistrations(
  db: Db,
  { meetingId, ...params }: { meetingId: string } & Partial<RegistrationListParams>,
): Promise<RegistrationPage> {
  const full = { ...DEFAULT_LIST_PARAMS, ...params };
  const where = registrationWhere(meetingId, full);
  const total = await db.registration.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / full.pageSize));
  const page = Math.min(Math.max(1, Math.floor(full.page)), pageCount);
  const found = await db.registration.findMany({
    where,
    orderBy: registrationOrder(full),
    skip: (page - 1) * full.pageSize,
    take: full.pageSize,
    select: rowSelect,
  });
  const positions = await arrivalPositions(
    db,
    meetingId,
    found.map((row) => row.id),
  );
  const rows = found.map((row): RegistrationRow => ({
    id: row.id,
    arrival: positions.get(row.id) ?? Number(row.arrival),
    status: row.status,
    source: row.source,
    ...registrant(row),
    organisation: organisationLabel(row),
    registeredAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    cancelledAt: row.cancelledAt,
    attendance: row.attendance,
    invitedBy: inviterOf(row),
    nomineeCount: row._count.invitationsSent,
  }));
  return { rows, total, page, pageCount, params: { ...full, page } };
}

export type RegistrationCounts = {
  total: number;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  /** Attendance recorded for live (not cancelled) registrations. */
  present: number;
  absent: number;
  capacity: number | null;
  /** Seats left; null without a capacity. Never negative (confirmations over capacity). */
  freeSeats: number | null;
};

export async function getRegistrationCounts(db: Db, meetingId: string): Promise<RegistrationCounts> {
  const [meeting, byStatus, byAttendance] = await Promise.all([
    db.meeting.findUnique({ where: { id: meetingId }, select: { capacity: true } }),
    db.registration.groupBy({ by: ["status"], where: { meetingId }, _count: { _all: true } }),
    db.attendance.groupBy({
      by: ["status"],
      where: { registration: { meetingId, status: { not: "CANCELLED" } } },
      _count: { _all: true },
    }),
  ]);
  const status = (value: RegistrationStatus) => byStatus.find((row) => row.status === value)?._count._all ?? 0;
  const attendance = (value: AttendanceStatus) => byAttendance.find((row) => row.status === value)?._count._all ?? 0;
  const capacity = meeting?.capacity ?? null;
  const confirmed = status("CONFIRMED");
  return {
    total: status("CONFIRMED") + status("WAITLISTED") + status("CANCELLED"),
    confirmed,
    waitlisted: status("WAITLISTED"),
    cancelled: status("CANCELLED"),
    present: attendance("PRESENT"),
    absent: attendance("ABSENT"),
    capacity,
    freeSeats: capacity === null ? null : Math.max(0, capacity - confirmed),
  };
}

export type DayCount = { day: string; count: number };

const DAY = 24 * 3600_000;

/** The calendar days from `first` to `last` (YYYY-MM-DD), both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let time = Date.parse(`${first}T00:00:00Z`); time <= end && days.length < 3660; time += DAY) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Registrations received per day, the day as it was in Rome, from the first
 * to the last day with one (days without any count 0, so a chart is honest).
 * Cancelled registrations count on the day they arrived.
 */
export async function registrationsPerDay(db: Db, meetingId: string): Promise<DayCount[]> {
  const rows = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(("createdAt" AT TIME ZONE ${TIME_ZONE})::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "Registration"
    WHERE "meetingId" = ${meetingId}::uuid
    GROUP BY 1
    ORDER BY 1`;
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((row) => [row.day, row.count]));
  return daysBetween(rows[0].day, rows[rows.length - 1].day).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

const exportSelect = {
  ...rowSelect,
  privacyNoticeVersion: true,
  privacyConsentAt: true,
  communicationsConsent: true,
  communicationsConsentAt: true,
  invitationsSent: {
    select: { firstName: true, lastName: true, email: true, managingBodyName: true, status: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RegistrationSelect;

/** An export never grows without bound; a meeting has hundreds of registrations, not tens of thousands. */
export const MAX_EXPORT_ROWS = 20_000;

/** Every registration matching the table's filters, in its order, with every answer. */
export async function listRegistrationsForExport(
  db: Db,
  { meetingId, ...params }: { meetingId: string } & Partial<RegistrationListParams>,
): Promise<ExportRow[]> {
  const full = { ...DEFAULT_LIST_PARAMS, ...params };
  const found = await db.registration.findMany({
    where: registrationWhere(meetingId, full),
    orderBy: registrationOrder(full),
    take: MAX_EXPORT_ROWS,
    select: exportSelect,
  });
  const positions = await arrivalPositions(db, meetingId, null);
  return found.map((row): ExportRow => ({
    arrival: positions.get(row.id) ?? Number(row.arrival),
    ...registrant(row),
    municipality: row.municipality?.name ?? null,
    province: row.municipality?.province ?? null,
    organisationName: row.organisationName,
    managingBody: row.managingBody?.name ?? null,
    status: row.status,
    source: row.source,
    registeredAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    cancelledAt: row.cancelledAt,
    privacyNoticeVersion: row.privacyNoticeVersion,
    privacyConsentAt: row.privacyConsentAt,
    communicationsConsent: row.communicationsConsent,
    communicationsConsentAt: row.communicationsConsentAt,
    attendanceStatus: row.attendance?.status ?? null,
    attendanceMethod: row.attendance?.method ?? null,
    checkedInAt: row.attendance?.checkedInAt ?? null,
    invitedBy: inviterOf(row),
    nominees: row.invitationsSent.map((invitation): ExportRow["nominees"][number] => ({
      name: `${invitation.firstName} ${invitation.lastName}`,
      email: invitation.email,
      managingBody: invitation.managingBodyName,
      status: invitation.status as InvitationStatus,
    })),
  }));
}

export type RegistrationsDashboard = {
  meeting: RegistrationsMeeting;
  page: RegistrationPage;
  counts: RegistrationCounts;
  perDay: DayCount[];
};

/** Everything the registrations page shows, or null for an unknown meeting (pages hold no client of their own). */
export async function loadRegistrationsDashboard(
  db: Db,
  { meetingId, ...params }: { meetingId: string } & RegistrationListParams,
): Promise<RegistrationsDashboard | null> {
  const meeting = await getRegistrationsMeeting(db, meetingId);
  if (!meeting) return null;
  const [page, counts, perDay] = await Promise.all([
    listMeetingRegistrations(db, { meetingId: meeting.id, ...params }),
    getRegistrationCounts(db, meeting.id),
    registrationsPerDay(db, meeting.id),
  ]);
  return { meeting, page, counts, perDay };
}

/** The meeting for a page under its registrations, or null. */
export function loadRegistrationsMeeting(db: Db, meetingId: string): Promise<RegistrationsMeeting | null> {
  return getRegistrationsMeeting(db, meetingId);
}
