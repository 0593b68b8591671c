import "server-only";
import type { Db, DbOrTx } from "@/lib/db";
import type { StoredMunicipality } from "./plan";
import { storedRowsSchema } from "./schema";
import type { SkippedRows } from "./parse";
import type { PecImportSummary } from "./mutations";

/** Every Comune with its PEC as stored, by name: what a list is planned against. */
export function loadStoredMunicipalities(db: DbOrTx): Promise<StoredMunicipality[]> {
  return db.municipality.findMany({ orderBy: { name: "asc" }, select: { id: true, istatCode: true, name: true, pec: true } });
}

const byWhom = { select: { name: true, email: true } } as const;
const who = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : null);

export type PecImportDetail = {
  id: string;
  fileName: string;
  createdAt: Date;
  createdBy: string | null;
  appliedAt: Date | null;
  appliedBy: string | null;
  rows: ReturnType<typeof storedRowsSchema.parse>;
  skipped: SkippedRows;
  summary: PecImportSummary | null;
};

export async function getPecImport(db: Db, id: string): Promise<PecImportDetail | null> {
  const found = await db.pecImport.findUnique({
    where: { id },
    select: { id: true, fileName: true, createdAt: true, appliedAt: true, rows: true, skipped: true, summary: true, createdBy: byWhom, appliedBy: byWhom },
  });
  if (!found) return null;
  const rows = storedRowsSchema.safeParse(found.rows);
  if (!rows.success) return null;
  return {
    ...found,
    createdBy: who(found.createdBy),
    appliedBy: who(found.appliedBy),
    rows: rows.data,
    skipped: found.skipped as SkippedRows,
    summary: (found.summary as PecImportSummary | null) ?? null,
  };
}

/** The latest uploads, newest first, for the import page's history. */
export async function listPecImports(db: Db, take = 10) {
  const rows = await db.pecImport.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, fileName: true, createdAt: true, appliedAt: true, createdBy: byWhom },
  });
  return rows.map((row) => ({ ...row, createdBy: who(row.createdBy) }));
}
