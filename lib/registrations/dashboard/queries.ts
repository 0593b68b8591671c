import "server-only";
// A meeting's registrations for the coordinators' dashboard: the paginated
// table, the counts, the registrations per day (Rome days) and the rows of
// the export, all read with the same filters so a table and its export agree.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceMethod, AttendanceStatus, InvitationStatus, OrganisationType, Province, RegistrationSource, RegistrationStatus } from "@/lib/generated/prisma/enums";
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
async function arrivalPositions(db: Db, meetingId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; position: bigint }[]>`
    SELECT id::text AS id, position FROM (
      SELECT id, ROW_NUMBER() OVER (ORDER BY arrival) AS position FROM "Registration" WHERE "meetingId" = ${meetingId}::uuid
    ) ranked
    WHERE id = ANY(${ids}::uuid[])`;
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

/** An export never grows without bound; a meeting has hundreds of registrations, not tens of thousands. */
export const MAX_EXPORT_ROWS = 20_000;

/**
 * The table's search as SQL, word for word what searchWhere asks of Prisma:
 * ILIKE on the same six columns, "%", "_" and the backslash escaped. A missing
 * municipality or managing body matches nothing (NULL ILIKE is not true).
 */
function searchSql(q: string): Prisma.Sql[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => {
      const pattern = `%${word.replace(/[\\%_]/g, "\\$&")}%`;
      return Prisma.sql`(p."firstName" ILIKE ${pattern} OR p."lastName" ILIKE ${pattern} OR p.email ILIKE ${pattern}
        OR r."organisationName" ILIKE ${pattern} OR m.name ILIKE ${pattern} OR mb.name ILIKE ${pattern})`;
    });
}

/** registrationWhere as SQL, on the aliases of the export's query. */
function exportWhereSql(params: RegistrationListParams): Prisma.Sql {
  const and = searchSql(params.q);
  if (params.status) and.push(Prisma.sql`r.status = ${params.status}::"RegistrationStatus"`);
  if (params.organisationType) and.push(Prisma.sql`r."organisationType" = ${params.organisationType}::"OrganisationType"`);
  if (params.province) and.push(Prisma.sql`m.province = ${params.province}::"Province"`);
  if (params.attendance === "NONE") and.push(Prisma.sql`a.id IS NULL`);
  else if (params.attendance) and.push(Prisma.sql`a.status = ${params.attendance}::"AttendanceStatus"`);
  return and.length ? Prisma.sql`AND ${Prisma.join(and, " AND ")}` : Prisma.empty;
}

/**
 * registrationOrder as SQL. Prisma writes no NULLS clause unless asked, so
 * PostgreSQL's default holds in both: nulls last ascending, first descending.
 */
function exportOrderSql(params: RegistrationListParams): Prisma.Sql {
  const dir = params.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (params.sort) {
    case "name":
      return Prisma.sql`p."lastName" ${dir}, p."firstName" ${dir}, r.arrival ASC`;
    case "email":
      return Prisma.sql`p.email ${dir}, r.arrival ASC`;
    case "organisation":
      return Prisma.sql`m.name ${dir}, r."organisationName" ${dir} NULLS LAST, r.arrival ASC`;
    case "registeredAt":
      return Prisma.sql`r."createdAt" ${dir}, r.arrival ASC`;
    case "status":
      return Prisma.sql`r.status ${dir}, r.arrival ASC`;
    default:
      return Prisma.sql`r.arrival ${dir}`;
  }
}

type Place = { name: string; province: Province };
const place = (name: string | null, province: Province | null): Place | null => (name !== null && province !== null ? { name, province } : null);

type ExportSqlRow = {
  position: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  roleTitle: string | null;
  organisationType: OrganisationType;
  municipalityName: string | null;
  municipalityProvince: Province | null;
  organisationName: string | null;
  managingBodyName: string | null;
  status: RegistrationStatus;
  source: RegistrationSource;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  privacyNoticeVersion: string;
  privacyConsentAt: Date;
  communicationsConsent: boolean;
  communicationsConsentAt: Date | null;
  attendanceStatus: AttendanceStatus | null;
  attendanceMethod: AttendanceMethod | null;
  checkedInAt: Date | null;
  invited: boolean;
  inviterRegistered: boolean;
  inviterFirstName: string | null;
  inviterLastName: string | null;
  inviterEmail: string | null;
  inviterOrganisationType: OrganisationType | null;
  inviterOrganisationName: string | null;
  inviterMunicipalityName: string | null;
  inviterMunicipalityProvince: Province | null;
  inviterManagingBodyName: string | null;
  directUser: boolean;
  directUserName: string | null;
  directUserEmail: string | null;
  invitationMunicipalityName: string | null;
  invitationMunicipalityProvince: Province | null;
  nominees: { firstName: string; lastName: string; email: string; managingBodyName: string; status: InvitationStatus }[] | string;
};

/** The invitation a row answered, shaped as inviterSelect reads it, so inviterOf says it the same way as the table. */
function invitationOf(row: ExportSqlRow): InviterFields["invitation"] {
  if (!row.invited) return null;
  const invitedBy = row.inviterRegistered
    ? {
        organisationType: row.inviterOrganisationType as OrganisationType,
        organisationName: row.inviterOrganisationName,
        municipality: place(row.inviterMunicipalityName, row.inviterMunicipalityProvince),
        managingBody: row.inviterManagingBodyName === null ? null : { name: row.inviterManagingBodyName },
        person: { firstName: row.inviterFirstName ?? "", lastName: row.inviterLastName ?? "", email: row.inviterEmail ?? "" },
      }
    : null;
  return {
    invitedBy,
    invitedByUser: row.directUser ? { name: row.directUserName, email: row.directUserEmail ?? "" } : null,
    municipality: place(row.invitationMunicipalityName, row.invitationMunicipalityProvince),
  };
}

/**
 * Every registration matching the table's filters, in its order, with every
 * answer: one query (the arrival positions, the inviter and the nominees
 * joined in), the same rows, filters, search and sort as the table's Prisma
 * reads (queries.test.ts compares the two).
 */
export async function listRegistrationsForExport(
  db: Db,
  { meetingId, ...params }: { meetingId: string } & Partial<RegistrationListParams>,
): Promise<ExportRow[]> {
  const full = { ...DEFAULT_LIST_PARAMS, ...params };
  // The window runs over the whole meeting before the filters: a position is the place among every registration.
  const found = await db.$queryRaw<ExportSqlRow[]>`
    SELECT r.position::int AS position, p."firstName", p."lastName", p.email, p.phone, r."roleTitle", r."organisationType",
      m.name AS "municipalityName", m.province AS "municipalityProvince", r."organisationName", mb.name AS "managingBodyName",
      r.status, r.source, r."createdAt", r."confirmedAt", r."cancelledAt", r."privacyNoticeVersion", r."privacyConsentAt",
      r."communicationsConsent", r."communicationsConsentAt",
      a.status AS "attendanceStatus", a.method AS "attendanceMethod", a."checkedInAt",
      inv.id IS NOT NULL AS invited, ir.id IS NOT NULL AS "inviterRegistered",
      ip."firstName" AS "inviterFirstName", ip."lastName" AS "inviterLastName", ip.email AS "inviterEmail",
      ir."organisationType" AS "inviterOrganisationType", ir."organisationName" AS "inviterOrganisationName",
      im.name AS "inviterMunicipalityName", im.province AS "inviterMunicipalityProvince", imb.name AS "inviterManagingBodyName",
      iu.id IS NOT NULL AS "directUser", iu.name AS "directUserName", iu.email AS "directUserEmail",
      invm.name AS "invitationMunicipalityName", invm.province AS "invitationMunicipalityProvince",
      COALESCE((
        SELECT json_agg(json_build_object('firstName', n."firstName", 'lastName', n."lastName", 'email', n.email,
          'managingBodyName', n."managingBodyName", 'status', n.status) ORDER BY n."createdAt", n.id)
        FROM "Invitation" n WHERE n."invitedByRegistrationId" = r.id
      ), '[]'::json) AS nominees
    FROM (
      SELECT *, ROW_NUMBER() OVER (ORDER BY arrival) AS position FROM "Registration" WHERE "meetingId" = ${meetingId}::uuid
    ) r
    JOIN "Person" p ON p.id = r."personId"
    LEFT JOIN "Municipality" m ON m.id = r."municipalityId"
    LEFT JOIN "ManagingBody" mb ON mb.id = r."managingBodyId"
    LEFT JOIN "Attendance" a ON a."registrationId" = r.id
    LEFT JOIN "Invitation" inv ON inv."acceptedRegistrationId" = r.id
    LEFT JOIN "Registration" ir ON ir.id = inv."invitedByRegistrationId"
    LEFT JOIN "Person" ip ON ip.id = ir."personId"
    LEFT JOIN "Municipality" im ON im.id = ir."municipalityId"
    LEFT JOIN "ManagingBody" imb ON imb.id = ir."managingBodyId"
    LEFT JOIN "User" iu ON iu.id = inv."invitedByUserId"
    LEFT JOIN "Municipality" invm ON invm.id = inv."municipalityId"
    WHERE TRUE ${exportWhereSql(full)}
    ORDER BY ${exportOrderSql(full)}
    LIMIT ${MAX_EXPORT_ROWS}`;
  return found.map((row): ExportRow => {
    const nominees = typeof row.nominees === "string" ? (JSON.parse(row.nominees) as Exclude<ExportSqlRow["nominees"], string>) : row.nominees;
    return {
      arrival: row.position,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      phone: row.phone,
      roleTitle: row.roleTitle,
      organisationType: row.organisationType,
      municipality: row.municipalityName,
      province: row.municipalityProvince,
      organisationName: row.organisationName,
      managingBody: row.managingBodyName,
      status: row.status,
      source: row.source,
      registeredAt: row.createdAt,
      confirmedAt: row.confirmedAt,
      cancelledAt: row.cancelledAt,
      privacyNoticeVersion: row.privacyNoticeVersion,
      privacyConsentAt: row.privacyConsentAt,
      communicationsConsent: row.communicationsConsent,
      communicationsConsentAt: row.communicationsConsentAt,
      attendanceStatus: row.attendanceStatus,
      attendanceMethod: row.attendanceMethod,
      checkedInAt: row.checkedInAt,
      invitedBy: inviterOf({ invitation: invitationOf(row) }),
      nominees: nominees.map((invitation): ExportRow["nominees"][number] => ({
        name: `${invitation.firstName} ${invitation.lastName}`,
        email: invitation.email,
        managingBody: invitation.managingBodyName,
        status: invitation.status,
      })),
    };
  });
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
