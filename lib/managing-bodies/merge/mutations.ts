// Merging two records of the same managing body: everything that names the
// source moves to the target, in one transaction, and the source goes.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { lockSaiProjects } from "@/lib/sai-projects/mutations";
import { managingBodyAuditSelect, type ManagingBodyFields } from "../mutations";

const mergeSnapshotSelect = {
  id: true,
  ...managingBodyAuditSelect,
  saiProjects: {
    select: { id: true, municipalityId: true, category: true, projectCode: true, places: true, municipality: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ManagingBodySelect;

type MergeSnapshot = Prisma.ManagingBodyGetPayload<{ select: typeof mergeSnapshotSelect }>;

function auditSnapshot(body: MergeSnapshot) {
  const { saiProjects, ...fields } = body;
  return {
    ...fields,
    saiProjects: saiProjects.map((project) => ({
      municipality: project.municipality.name,
      category: project.category,
      projectCode: project.projectCode,
      places: project.places,
    })),
  };
}

export type MergeCounts = { projectsMoved: number; projectsMerged: number; registrations: number; invitations: number };

/** A project code of the source dropped because the target's project for the same municipality and category has another. */
export type DiscardedCode = { municipality: string; category: string; code: string; kept: string };

export type MergeResult =
  | { ok: true; targetId: string; counts: MergeCounts; discardedCodes: DiscardedCode[] }
  | { ok: false; reason: "SAME" | "NOT_FOUND" };

/**
 * Moves the source's SAI projects, registrations and invitations to the
 * target and deletes the source. A project of the source whose municipality
 * and category the target already runs is not moved: the target's row stays,
 * taking the source's project code and places where it has none; a code of
 * the source that differs from the target's is dropped, and said so (the
 * result, and the audit entry). The target keeps its tax code and contacts,
 * taking the source's where it has none.
 */
export async function mergeManagingBodies(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string }; sourceId: string; targetId: string },
): Promise<MergeResult> {
  const { sourceId, targetId } = input;
  if (sourceId === targetId) return { ok: false, reason: "SAME" };
  return db.$transaction(async (tx: Tx): Promise<MergeResult> => {
    await lockSaiProjects(tx);
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ManagingBody" WHERE id IN (${sourceId}::uuid, ${targetId}::uuid) ORDER BY id FOR UPDATE`;
    if (locked.length !== 2) return { ok: false, reason: "NOT_FOUND" };
    const source = await tx.managingBody.findUniqueOrThrow({ where: { id: sourceId }, select: mergeSnapshotSelect });
    const target = await tx.managingBody.findUniqueOrThrow({ where: { id: targetId }, select: mergeSnapshotSelect });

    const counts: MergeCounts = { projectsMoved: 0, projectsMerged: 0, registrations: 0, invitations: 0 };
    const fills: { id: string; data: { projectCode?: string; places?: number } }[] = [];
    const discardedCodes: DiscardedCode[] = [];
    for (const project of source.saiProjects) {
      const twin = target.saiProjects.find((own) => own.municipalityId === project.municipalityId && own.category === project.category);
      if (!twin) {
        await tx.saiProject.update({ where: { id: project.id }, data: { managingBodyId: targetId } });
        counts.projectsMoved += 1;
        continue;
      }
      const data: { projectCode?: string; places?: number } = {};
      if (!twin.projectCode && project.projectCode) data.projectCode = project.projectCode;
      if (twin.projectCode && project.projectCode && twin.projectCode !== project.projectCode) {
        discardedCodes.push({ municipality: project.municipality.name, category: project.category, code: project.projectCode, kept: twin.projectCode });
      }
      if (twin.places === null && project.places !== null) data.places = project.places;
      // The source's row goes first: its project code is unique.
      await tx.saiProject.delete({ where: { id: project.id } });
      if (Object.keys(data).length > 0) fills.push({ id: twin.id, data });
      counts.projectsMerged += 1;
    }
    for (const fill of fills) await tx.saiProject.update({ where: { id: fill.id }, data: fill.data });

    counts.registrations = (await tx.registration.updateMany({ where: { managingBodyId: sourceId }, data: { managingBodyId: targetId } })).count;
    counts.invitations = (await tx.invitation.updateMany({ where: { managingBodyId: sourceId }, data: { managingBodyId: targetId } })).count;

    await tx.managingBody.delete({ where: { id: sourceId } });
    const taken: Partial<ManagingBodyFields> = {};
    for (const key of ["taxCode", "email", "pec", "phone"] as const) {
      if (!target[key] && source[key]) taken[key] = source[key];
    }
    if (Object.keys(taken).length > 0) await tx.managingBody.update({ where: { id: targetId }, data: taken });

    const after = await tx.managingBody.findUniqueOrThrow({ where: { id: targetId }, select: mergeSnapshotSelect });
    await recordAudit(tx, {
      actor,
      action: "managing-body.merge",
      entityType: "ManagingBody",
      entityId: targetId,
      before: { target: auditSnapshot(target), source: auditSnapshot(source) },
      after: auditSnapshot(after),
      details: { sourceId, ...counts, ...(discardedCodes.length > 0 ? { discardedCodes } : {}) },
    });
    return { ok: true, targetId, counts, discardedCodes };
  });
}
