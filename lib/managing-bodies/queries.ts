import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ManagingBodyFilters } from "./filters";

/** Names of the known enti gestori, offered as suggestions where a registrant nominates one. */
export async function listManagingBodyNames(db: Db): Promise<string[]> {
  const bodies = await db.managingBody.findMany({ orderBy: { name: "asc" }, select: { name: true }, distinct: ["name"] });
  return bodies.map((body) => body.name);
}

export const MANAGING_BODY_PAGE_SIZE = 50;

const listSelect = {
  id: true,
  name: true,
  taxCode: true,
  email: true,
  _count: { select: { saiProjects: true, registrations: true } },
  saiProjects: { select: { municipality: { select: { province: true } } } },
} satisfies Prisma.ManagingBodySelect;

export type ManagingBodyRow = {
  id: string;
  name: string;
  taxCode: string | null;
  email: string | null;
  projectCount: number;
  registrationCount: number;
  provinces: string[];
};

function managingBodyWhere(filters: Omit<ManagingBodyFilters, "page">): Prisma.ManagingBodyWhereInput {
  const where: Prisma.ManagingBodyWhereInput = {};
  if (filters.search) {
    const compact = filters.search.toUpperCase().replace(/\s/g, "");
    where.OR = [{ name: { contains: filters.search, mode: "insensitive" } }, { taxCode: { contains: compact } }];
  }
  if (filters.taxCode === "with") where.taxCode = { not: null };
  if (filters.taxCode === "without") where.taxCode = null;
  if (filters.province) where.saiProjects = { some: { municipality: { province: filters.province } } };
  return where;
}

/** One page of managing bodies in name order, with how many projects and registrations name each. */
export async function listManagingBodies(
  db: Db,
  { pageSize = MANAGING_BODY_PAGE_SIZE, ...filters }: { pageSize?: number } & ManagingBodyFilters,
): Promise<{ bodies: ManagingBodyRow[]; total: number; page: number; pageCount: number }> {
  const where = managingBodyWhere(filters);
  const [total, rows] = await Promise.all([
    db.managingBody.count({ where }),
    db.managingBody.findMany({
      where,
      select: listSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const bodies = rows.map((row) => ({
    id: row.id,
    name: row.name,
    taxCode: row.taxCode,
    email: row.email,
    projectCount: row._count.saiProjects,
    registrationCount: row._count.registrations,
    provinces: [...new Set(row.saiProjects.map((project) => project.municipality.province))].sort(),
  }));
  return { bodies, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** How many registrations and invitations a body's page lists at most; the totals are always shown. */
export const NAMED_BY_LIMIT = 50;

/** A managing body with its projects and what names it, for its page; null for an unknown id. */
export async function getManagingBody(db: Db, id: string) {
  const body = await db.managingBody.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      taxCode: true,
      email: true,
      pec: true,
      phone: true,
      createdAt: true,
      saiProjects: {
        select: {
          id: true,
          category: true,
          projectCode: true,
          places: true,
          municipality: { select: { id: true, name: true, province: true } },
        },
        orderBy: [{ municipality: { name: "asc" } }, { category: "asc" }],
      },
      registrations: {
        select: {
          id: true,
          status: true,
          createdAt: true,
          meeting: { select: { id: true, title: true, startsAt: true } },
          person: { select: { firstName: true, lastName: true } },
        },
        orderBy: { createdAt: "desc" },
        take: NAMED_BY_LIMIT,
      },
      invitations: {
        select: {
          id: true,
          status: true,
          firstName: true,
          lastName: true,
          managingBodyName: true,
          createdAt: true,
          meeting: { select: { id: true, title: true, startsAt: true } },
        },
        orderBy: { createdAt: "desc" },
        take: NAMED_BY_LIMIT,
      },
      _count: { select: { registrations: true, invitations: true } },
    },
  });
  return body;
}

export type ManagingBodyDetail = NonNullable<Awaited<ReturnType<typeof getManagingBody>>>;

/** Every other body, to choose the one to merge with. */
export async function listMergeCandidates(db: Db, exceptId: string) {
  return db.managingBody.findMany({
    where: { id: { not: exceptId } },
    select: { id: true, name: true, taxCode: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
