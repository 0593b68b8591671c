import "server-only";
import type { Db } from "@/lib/db";

/** The schede waiting for review, the oldest latest submission first. */
export async function listPendingSheets(db: Db) {
  return db.referentSheet.findMany({
    where: { status: "PENDING" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      submittedAt: true,
      submissions: true,
      officerFirstName: true,
      officerLastName: true,
      officerRoleTitle: true,
      municipality: { select: { id: true, name: true, provinceName: true } },
      _count: { select: { entries: true } },
    },
  });
}
export type PendingSheet = Awaited<ReturnType<typeof listPendingSheets>>[number];

/** A scheda in full, with its Comune's active referents today (for what approval will change); null for an unknown id. */
export async function getSheetForReview(db: Db, id: string) {
  const sheet = await db.referentSheet.findUnique({
    where: { id },
    include: {
      entries: { orderBy: { position: "asc" } },
      municipality: { select: { id: true, name: true, provinceName: true, pec: true } },
      reviewedBy: { select: { name: true, email: true } },
    },
  });
  if (!sheet) return null;
  const activeReferents = await db.referent.findMany({
    where: { municipalityId: sheet.municipalityId, status: "ACTIVE" },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    select: { id: true, role: true, office: true, person: { select: { id: true, firstName: true, lastName: true, email: true } } },
  });
  return { sheet, activeReferents };
}
export type SheetForReview = NonNullable<Awaited<ReturnType<typeof getSheetForReview>>>;

/** The latest schede a coordinator approved or rejected, newest first. */
export async function listReviewedSheets(db: Db, take = 10) {
  return db.referentSheet.findMany({
    where: { status: { in: ["APPROVED", "REJECTED"] } },
    orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      reviewedAt: true,
      municipality: { select: { name: true } },
      reviewedBy: { select: { name: true, email: true } },
      _count: { select: { entries: true } },
    },
  });
}
export type ReviewedSheet = Awaited<ReturnType<typeof listReviewedSheets>>[number];
