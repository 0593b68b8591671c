import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { importRowsSchema, type ImportRow } from "./parse";
import type { PlanContext } from "./plan";
import { importSummarySchema, type ImportSummary } from "./summary";

/** Everything the plan compares a list with: the 391 municipalities, every body and every project. */
export async function loadPlanContext(db: Db | Prisma.TransactionClient): Promise<PlanContext> {
  const [municipalities, bodies, projects] = await Promise.all([
    db.municipality.findMany({ select: { id: true, istatCode: true, name: true, saiMember: true } }),
    db.managingBody.findMany({ select: { id: true, name: true, taxCode: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.saiProject.findMany({ select: { id: true, municipalityId: true, managingBodyId: true, category: true, projectCode: true, places: true } }),
  ]);
  return { municipalities, bodies, projects };
}

export type SaiImportDetail = {
  id: string;
  fileName: string;
  createdAt: Date;
  createdBy: string | null;
  appliedAt: Date | null;
  appliedBy: string | null;
  rows: ImportRow[];
  summary: ImportSummary | null;
};

/** An upload with its rows; null for an unknown id or rows that are not what we stored. */
export async function getSaiImport(db: Db, id: string): Promise<SaiImportDetail | null> {
  const found = await db.saiProjectImport.findUnique({
    where: { id },
    select: {
      id: true,
      fileName: true,
      createdAt: true,
      appliedAt: true,
      rows: true,
      summary: true,
      createdBy: { select: { name: true, email: true } },
      appliedBy: { select: { name: true, email: true } },
    },
  });
  if (!found) return null;
  const rows = importRowsSchema.safeParse(found.rows);
  if (!rows.success) return null;
  const summary = found.summary === null ? null : importSummarySchema.safeParse(found.summary);
  return {
    id: found.id,
    fileName: found.fileName,
    createdAt: found.createdAt,
    appliedAt: found.appliedAt,
    createdBy: found.createdBy ? (found.createdBy.name ?? found.createdBy.email) : null,
    appliedBy: found.appliedBy ? (found.appliedBy.name ?? found.appliedBy.email) : null,
    rows: rows.data,
    summary: summary?.success ? summary.data : null,
  };
}

/** The latest uploads, newest first. */
export async function listSaiImports(db: Db, take = 10) {
  const imports = await db.saiProjectImport.findMany({
    select: { id: true, fileName: true, createdAt: true, appliedAt: true, summary: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  return imports.map((entry) => {
    const summary = entry.summary === null ? null : importSummarySchema.safeParse(entry.summary);
    return { id: entry.id, fileName: entry.fileName, createdAt: entry.createdAt, appliedAt: entry.appliedAt, summary: summary?.success ? summary.data : null };
  });
}
