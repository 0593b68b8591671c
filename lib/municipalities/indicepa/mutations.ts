// Storing an uploaded IndicePA list, and applying it: one transaction that
// plans again against the Comuni as they are then and writes the new and
// changed PECs, each on the audit log, so applying twice changes nothing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { recordAudit, recordAudits } from "@/lib/audit/mutations";
import type { IndicePaRow, SkippedRows } from "./parse";
import { planPecImport, writesOf, type PecWrite } from "./plan";
import { loadStoredMunicipalities } from "./queries";
import { storedRowsSchema } from "./schema";

export async function createPecImport(
  db: PrismaClient,
  { actor, fileName, fileHash, rows, skipped }: { actor: { id: string }; fileName: string; fileHash: string; rows: IndicePaRow[]; skipped: SkippedRows },
): Promise<{ ok: true; id: string }> {
  return db.$transaction(async (tx: Tx) => {
    const created = await tx.pecImport.create({ data: { fileName, fileHash, rows, skipped, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, { actor, action: "pec-import.upload", entityType: "Municipality", details: { importId: created.id, fileName, fileHash, rows: rows.length } });
    return { ok: true as const, id: created.id };
  });
}

/** What applying did, kept on the import: the counts and each PEC it wrote. */
export type PecImportSummary = {
  set: number;
  changed: number;
  unchanged: number;
  withoutPec: number;
  invalid: number;
  unmatched: number;
  writes: PecWrite[];
};

export type ApplyPecImportResult = { ok: true; summary: PecImportSummary } | { ok: false; reason: "NOT_FOUND" | "ALREADY_APPLIED" | "STALE" };

export async function applyPecImport(db: PrismaClient, { actor, importId }: { actor: { id: string }; importId: string }): Promise<ApplyPecImportResult> {
  return db.$transaction(
    async (tx: Tx): Promise<ApplyPecImportResult> => {
      const [locked] = await tx.$queryRaw<{ appliedAt: Date | null; rows: unknown; createdAt: Date }[]>`
        SELECT "appliedAt", rows, "createdAt" FROM "PecImport" WHERE id = ${importId}::uuid FOR UPDATE`;
      if (!locked) return { ok: false, reason: "NOT_FOUND" };
      if (locked.appliedAt) return { ok: false, reason: "ALREADY_APPLIED" };
      // A list uploaded before another was applied would undo that one's PECs with older ones.
      if (await tx.pecImport.count({ where: { id: { not: importId }, appliedAt: { gt: locked.createdAt } } })) return { ok: false, reason: "STALE" };
      const rows = storedRowsSchema.safeParse(locked.rows);
      if (!rows.success) return { ok: false, reason: "NOT_FOUND" };
      // A coordinator's correction on a Comune's page waits for this, and this for it.
      await tx.$executeRaw`SELECT id FROM "Municipality" ORDER BY id FOR UPDATE`;
      const plan = planPecImport(rows.data, await loadStoredMunicipalities(tx));
      const summary = summarise(plan);
      for (const update of plan.updates) await tx.municipality.update({ where: { id: update.id }, data: { pec: update.pec } });
      const written = plan.municipalities.filter(({ change }) => change.kind === "new" || change.kind === "changed");
      await recordAudits(
        tx,
        written.map(({ municipality }) => ({
          actor,
          action: "municipality.pec",
          entityType: "Municipality" as const,
          entityId: municipality.id,
          before: { pec: municipality.pec },
          after: { pec: plan.updates.find((update) => update.id === municipality.id)?.pec ?? null },
          details: { importId },
        })),
      );
      await tx.pecImport.update({ where: { id: importId }, data: { appliedAt: new Date(), appliedById: actor.id, summary } });
      await recordAudit(tx, {
        actor,
        action: "pec-import.apply",
        entityType: "Municipality",
        details: { importId, created: summary.set, updated: summary.changed, unchanged: summary.unchanged },
      });
      return { ok: true, summary };
    },
    { timeout: 60_000 },
  );
}

function summarise(plan: ReturnType<typeof planPecImport>): PecImportSummary {
  const writes = writesOf(plan);
  return {
    set: plan.totals.new,
    changed: plan.totals.changed,
    unchanged: plan.totals.unchanged,
    withoutPec: plan.totals["no-pec"],
    invalid: plan.totals["invalid-pec"],
    unmatched: plan.totals.unmatched,
    writes,
  };
}
