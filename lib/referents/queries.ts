import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReferentFilters } from "./filters";

export const REFERENTS_PAGE_SIZE = 50;

const referentRowSelect = {
  id: true,
  role: true,
  office: true,
  status: true,
  source: true,
  activatedAt: true,
  revokedAt: true,
  person: { select: { id: true, firstName: true, lastName: true, email: true } },
  municipality: { select: { id: true, name: true, provinceName: true } },
} satisfies Prisma.ReferentSelect;

export type ReferentRow = Prisma.ReferentGetPayload<{ select: typeof referentRowSelect }>;

function referentWhere(filters: Omit<ReferentFilters, "page">): Prisma.ReferentWhereInput {
  const where: Prisma.ReferentWhereInput = {};
  if (filters.status) where.status = filters.status;
  if (filters.role) where.role = filters.role;
  if (filters.province) where.municipality = { province: filters.province };
  if (filters.search) {
    const contains = { contains: filters.search, mode: "insensitive" as const };
    where.OR = [
      { person: { firstName: contains } },
      { person: { lastName: contains } },
      { person: { email: contains } },
      { municipality: { name: contains } },
    ];
  }
  return where;
}

/** One page of referents, by Comune then surname. */
export async function listReferents(db: Db, { pageSize = REFERENTS_PAGE_SIZE, ...filters }: { pageSize?: number } & ReferentFilters) {
  const where = referentWhere(filters);
  const [total, referents] = await Promise.all([
    db.referent.count({ where }),
    db.referent.findMany({
      where,
      select: referentRowSelect,
      orderBy: [{ municipality: { name: "asc" } }, { person: { lastName: "asc" } }, { person: { firstName: "asc" } }, { id: "asc" }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { referents, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One referent with everything its page shows; null for an unknown id. */
export async function getReferent(db: Db, id: string) {
  return db.referent.findUnique({
    where: { id },
    select: {
      ...referentRowSelect,
      revokedReason: true,
      createdAt: true,
      person: { select: { id: true, firstName: true, lastName: true, email: true, phone: true } },
      sheet: { select: { id: true, reviewedAt: true } },
    },
  });
}
export type ReferentDetail = NonNullable<Awaited<ReturnType<typeof getReferent>>>;
