// Storing an uploaded list, and applying it: one transaction that plans
// again against the database as it is at that moment and carries the plan
// out, so applying the same list twice changes nothing the second time.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/platform/database/prisma";
import { recordAudit } from "@/lib/audit/mutations";
import { lockSaiProjects, markSaiMembers } from "../mutations";
import { importRowsSchema, type ImportRow } from "./parse";
import { planImport } from "./plan";
import { loadPlanContext } from "./queries";
import { displayRows, type ImportSummary } from "./summary";

export async function createSaiImport(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string }; fileName: string; fileHash: string; rows: ImportRow[] },
): Promise<{ ok: true; id: string }> {
  return db.$transaction(async (tx: Tx) => {
    const created = await tx.saiProjectImport.create({
      data: { fileName: input.fileName, fileHash: input.fileHash, rows: input.rows, createdById: actor.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "sai-import.upload",
      entityType: "ManagingBody",
      details: { importId: created.id, fileName: input.fileName, fileHash: input.fileHash, rows: input.rows.length },
    });
    return { ok: true as const, id: created.id };
  });
}

export type ApplySaiImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; reason: "NOT_FOUND" | "ALREADY_APPLIED" | "CONFLICT" };

export async function applySaiImport(db: PrismaClient, { actor, ...input }: { actor: { id: string }; importId: string }): Promise<ApplySaiImportResult> {
  try {
    return await db.$transaction(
      async (tx: Tx): Promise<ApplySaiImportResult> => {
        const [locked] = await tx.$queryRaw<{ appliedAt: Date | null; rows: unknown }[]>`
          SELECT "appliedAt", rows FROM "SaiProjectImport" WHERE id = ${input.importId}::uuid FOR UPDATE`;
        if (!locked) return { ok: false, reason: "NOT_FOUND" };
        if (locked.appliedAt) return { ok: false, reason: "ALREADY_APPLIED" };
        const rows = importRowsSchema.safeParse(locked.rows);
        if (!rows.success) return { ok: false, reason: "NOT_FOUND" };
        await lockSaiProjects(tx);

        const plan = planImport(rows.data, await loadPlanContext(tx));
        // New bodies and new projects go in one statement each (ids made here,
        // so each new body's reference maps to its id without a round trip);
        // updates, usually few, one by one. Creating the projects after the
        // updates keeps both unique keys: the plan never lets a later row take
        // a code or a municipality × body × category an earlier one holds.
        const bodyIds = new Map(plan.newBodies.map((body) => [body.ref, randomUUID()]));
        const bodyId = (ref: string) => bodyIds.get(ref) ?? ref;
        await tx.managingBody.createMany({ data: plan.newBodies.map((body) => ({ id: bodyId(body.ref), name: body.name, taxCode: body.taxCode })) });

        const creates: Prisma.SaiProjectCreateManyInput[] = [];
        for (const { outcome } of plan.rows) {
          if (outcome.kind !== "create" && outcome.kind !== "update") continue;
          if (outcome.bodyTaxCode) await tx.managingBody.update({ where: { id: outcome.bodyTaxCode.id }, data: { taxCode: outcome.bodyTaxCode.taxCode } });
          const { managingBodyRef, ...fields } = outcome.project;
          const project = { ...fields, managingBodyId: bodyId(managingBodyRef) };
          if (outcome.kind === "create") creates.push(project);
          else await tx.saiProject.update({ where: { id: outcome.projectId }, data: project });
        }
        await tx.saiProject.createMany({ data: creates });
        await markSaiMembers(tx, {
          actor,
          municipalityIds: plan.municipalitiesToMark.map((municipality) => municipality.id),
          details: { importId: input.importId },
        });

        const summary: ImportSummary = {
          created: plan.totals.create,
          updated: plan.totals.update,
          unchanged: plan.totals.unchanged,
          rejected: plan.totals.rejected,
          bodiesCreated: plan.totals.bodiesToCreate,
          municipalitiesMarked: plan.municipalitiesToMark.map((m) => m.name),
          rows: displayRows(plan),
        };
        await tx.saiProjectImport.update({
          where: { id: input.importId },
          data: { appliedAt: new Date(), appliedById: actor.id, summary },
        });
        await recordAudit(tx, {
          actor,
          action: "sai-import.apply",
          entityType: "ManagingBody",
          details: {
            importId: input.importId,
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
            rejected: summary.rejected,
            bodiesCreated: summary.bodiesCreated,
            municipalitiesMarked: summary.municipalitiesMarked,
          },
        });
        return { ok: true, summary };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // A body created meanwhile with a tax code of the list: nothing was applied; planning again sees it.
    if (isUniqueViolation(error)) return { ok: false, reason: "CONFLICT" };
    throw error;
  }
}
