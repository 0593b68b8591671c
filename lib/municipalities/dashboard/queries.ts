import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AttendanceStatus, InvitationStatus, MeetingStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import type { MunicipalityFilters } from "./filters";

export const MUNICIPALITY_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACTIVE_REFERENT = { some: { status: "ACTIVE" } } satisfies Prisma.ReferentListRelationFilter;

function municipalityWhere(filters: Omit<MunicipalityFilters, "page">): Prisma.MunicipalityWhereInput {
  const where: Prisma.MunicipalityWhereInput = {};
  if (filters.province) where.province = filters.province;
  if (filters.sai) where.saiMember = filters.sai === "si";
  if (filters.referents === "con") where.referents = ACTIVE_REFERENT;
  if (filters.referents === "senza") where.NOT = { referents: ACTIVE_REFERENT };
  if (filters.search) {
    where.OR = [
      { name: { contains: filters.search, mode: "insensitive" } },
      ...(/^\d{1,6}$/.test(filters.search) ? [{ istatCode: { startsWith: filters.search } }] : []),
    ];
  }
  return where;
}

const listSelect = {
  id: true,
  name: true,
  province: true,
  provinceName: true,
  istatCode: true,
  saiMember: true,
  _count: {
    select: {
      referents: { where: { status: "ACTIVE" } },
      saiProjects: true,
      referentSheets: { where: { status: "PENDING" } },
    },
  },
} satisfies Prisma.MunicipalitySelect;

export type MunicipalityListRow = {
  id: string;
  name: string;
  province: string;
  provinceName: string;
  istatCode: string;
  saiMember: boolean;
  activeReferents: number;
  saiProjects: number;
  pendingSheet: boolean;
};

export type MunicipalityListPage = {
  rows: MunicipalityListRow[];
  total: number;
  /** Of the matching municipalities: how many are SAI members, how many have an active referent. */
  saiMembers: number;
  withReferents: number;
  page: number;
  pageCount: number;
};

/** One page of the 391 municipalities with the filters, alphabetical. */
export async function listDashboardMunicipalities(
  db: Db,
  { pageSize = MUNICIPALITY_PAGE_SIZE, ...filters }: { pageSize?: number } & MunicipalityFilters,
): Promise<MunicipalityListPage> {
  const where = municipalityWhere(filters);
  const [total, saiMembers, withReferents, rows] = await Promise.all([
    db.municipality.count({ where }),
    db.municipality.count({ where: { AND: [where, { saiMember: true }] } }),
    db.municipality.count({ where: { AND: [where, { referents: ACTIVE_REFERENT }] } }),
    db.municipality.findMany({
      where,
      select: listSelect,
      orderBy: [{ name: "asc" }, { istatCode: "asc" }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return {
    rows: rows.map(({ _count, ...row }) => ({
      ...row,
      activeReferents: _count.referents,
      saiProjects: _count.saiProjects,
      pendingSheet: _count.referentSheets > 0,
    })),
    total,
    saiMembers,
    withReferents,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

const personName = { select: { id: true, firstName: true, lastName: true, erasedAt: true } } as const;

const detailSelect = {
  id: true,
  istatCode: true,
  name: true,
  province: true,
  provinceName: true,
  saiMember: true,
  pec: true,
  referents: {
    select: {
      id: true,
      role: true,
      office: true,
      status: true,
      activatedAt: true,
      revokedAt: true,
      revokedReason: true,
      person: { select: { ...personName.select, email: true } },
    },
    orderBy: [{ status: "asc" }, { activatedAt: "desc" }],
  },
  referentSheets: {
    where: { status: "PENDING" },
    select: { id: true, submittedAt: true, submissions: true, officerFirstName: true, officerLastName: true },
    take: 1,
  },
  saiProjects: {
    select: {
      id: true,
      category: true,
      projectCode: true,
      places: true,
      managingBody: { select: { id: true, name: true, taxCode: true } },
    },
    orderBy: [{ category: "asc" }, { projectCode: "asc" }],
  },
} satisfies Prisma.MunicipalitySelect;

type DetailRow = Prisma.MunicipalityGetPayload<{ select: typeof detailSelect }>;

export type MunicipalityMeetingAnswer = {
  meeting: { id: string; title: string; startsAt: Date; status: MeetingStatus };
  registrations: {
    id: string;
    status: RegistrationStatus;
    person: { id: string; firstName: string; lastName: string; erasedAt: Date | null };
    attendance: { status: AttendanceStatus } | null;
  }[];
  invitations: { id: string; firstName: string; lastName: string; managingBodyName: string; status: InvitationStatus }[];
  /** Someone is registered as the Comune (cancelled registrations, and the gestori it nominated, do not count). */
  answered: boolean;
};

export type MunicipalityDetail = Omit<DetailRow, "referentSheets"> & {
  pendingSheet: DetailRow["referentSheets"][number] | null;
  managingBodies: { id: string; name: string; taxCode: string | null }[];
  meetings: MunicipalityMeetingAnswer[];
};

/** A municipality with its referents, SAI projects, managing bodies and answers meeting by meeting; null for an unknown id. */
export async function getMunicipalityDetail(db: Db, id: string): Promise<MunicipalityDetail | null> {
  // The id comes from the URL: anything but a UUID is simply not found.
  if (!UUID.test(id)) return null;
  const municipality = await db.municipality.findUnique({ where: { id }, select: detailSelect });
  if (!municipality) return null;

  const [meetings, registrations, invitations] = await Promise.all([
    db.meeting.findMany({
      where: { status: { not: "DRAFT" } },
      select: { id: true, title: true, startsAt: true, status: true },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    }),
    db.registration.findMany({
      where: { municipalityId: id },
      select: {
        id: true,
        meetingId: true,
        status: true,
        organisationType: true,
        person: personName,
        attendance: { select: { status: true } },
      },
      orderBy: { arrival: "asc" },
    }),
    db.invitation.findMany({
      where: { municipalityId: id },
      select: { id: true, meetingId: true, firstName: true, lastName: true, managingBodyName: true, status: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);

  const bodies = new Map<string, { id: string; name: string; taxCode: string | null }>();
  for (const project of municipality.saiProjects) bodies.set(project.managingBody.id, project.managingBody);

  const { referentSheets, ...rest } = municipality;
  return {
    ...rest,
    pendingSheet: referentSheets[0] ?? null,
    managingBodies: [...bodies.values()].sort((a, b) => a.name.localeCompare(b.name, "it")),
    meetings: meetings.map((meeting) => {
      const own = registrations.filter((registration) => registration.meetingId === meeting.id);
      return {
        meeting,
        registrations: own,
        invitations: invitations.filter((invitation) => invitation.meetingId === meeting.id),
        answered: own.some((registration) => registration.status !== "CANCELLED" && registration.organisationType === "COMUNE"),
      };
    }),
  };
}
