// A managing body's SAI projects: add, edit, remove. Every write to projects
// (these and the import) runs under one advisory lock, so the checks for a
// taken code or a taken municipality × body × category cannot race; the
// unique indexes stay the last word.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/platform/database/prisma";
import type { SaiCategory } from "@/lib/generated/prisma/enums";
import { recordAudit, recordAudits, type AuditActor } from "@/lib/audit/mutations";
import type { SaiProjectInput } from "./schema";

export async function lockSaiProjects(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('convoca.sai-projects'))`;
}

/**
 * A municipality with a SAI project is a SAI member: set the flag (audited)
 * where it was not. Never unset here: leaving SAI is a coordinator's decision.
 * Returns the municipalities it marked.
 */
export async function markSaiMembers(
  tx: Tx,
  { actor, municipalityIds, details }: { actor: AuditActor; municipalityIds: string[]; details: Prisma.InputJsonValue },
): Promise<string[]> {
  if (municipalityIds.length === 0) return [];
  const marked = await tx.municipality.updateManyAndReturn({
    where: { id: { in: municipalityIds }, saiMember: false },
    data: { saiMember: true },
    select: { id: true },
  });
  await recordAudits(
    tx,
    marked.map(({ id }) => ({
      actor,
      action: "municipality.sai-mark",
      entityType: "Municipality" as const,
      entityId: id,
      before: { saiMember: false },
      after: { saiMember: true },
      details,
    })),
  );
  return marked.map(({ id }) => id);
}

export async function markSaiMember(
  tx: Tx,
  { actor, municipalityId, details }: { actor: AuditActor; municipalityId: string; details: Prisma.InputJsonValue },
): Promise<boolean> {
  return (await markSaiMembers(tx, { actor, municipalityIds: [municipalityId], details })).length > 0;
}

export type ProjectClash =
  | { ok: false; reason: "CODE_TAKEN"; other: { managingBodyName: string; municipalityName: string } }
  | { ok: false; reason: "DUPLICATE" };

type ProjectTarget = { id?: string; managingBodyId: string; municipalityId: string; category: SaiCategory; projectCode: string | null };

/** Another project with this code, or with this municipality × body × category. */
async function findClash(tx: Tx, target: ProjectTarget): Promise<ProjectClash | null> {
  const notThis = target.id ? { id: { not: target.id } } : {};
  if (target.projectCode) {
    const other = await tx.saiProject.findFirst({
      where: { projectCode: target.projectCode, ...notThis },
      select: { managingBody: { select: { name: true } }, municipality: { select: { name: true } } },
    });
    if (other) return { ok: false, reason: "CODE_TAKEN", other: { managingBodyName: other.managingBody.name, municipalityName: other.municipality.name } };
  }
  const same = await tx.saiProject.findFirst({
    where: { municipalityId: target.municipalityId, managingBodyId: target.managingBodyId, category: target.category, ...notThis },
    select: { id: true },
  });
  return same ? { ok: false, reason: "DUPLICATE" } : null;
}

const projectAuditSelect = {
  category: true,
  projectCode: true,
  places: true,
  municipality: { select: { id: true, name: true } },
} satisfies Prisma.SaiProjectSelect;

function projectSnapshot(project: Prisma.SaiProjectGetPayload<{ select: typeof projectAuditSelect }>) {
  return { municipality: project.municipality.name, category: project.category, projectCode: project.projectCode, places: project.places };
}

export type AddSaiProjectResult =
  | { ok: true; id: string; municipalityMarked: boolean }
  | ProjectClash
  | { ok: false; reason: "BODY_NOT_FOUND" }
  | { ok: false; reason: "MUNICIPALITY_NOT_FOUND" };

export async function addSaiProject(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string } } & SaiProjectInput & { managingBodyId: string },
): Promise<AddSaiProjectResult> {
  try {
    return await db.$transaction(async (tx: Tx): Promise<AddSaiProjectResult> => {
      await lockSaiProjects(tx);
      if (!(await tx.managingBody.findUnique({ where: { id: input.managingBodyId }, select: { id: true } }))) return { ok: false, reason: "BODY_NOT_FOUND" };
      const municipality = await tx.municipality.findUnique({ where: { id: input.municipalityId }, select: { id: true } });
      if (!municipality) return { ok: false, reason: "MUNICIPALITY_NOT_FOUND" };
      const clash = await findClash(tx, input);
      if (clash) return clash;
      const project = await tx.saiProject.create({ data: input, select: { id: true, ...projectAuditSelect } });
      await recordAudit(tx, {
        actor,
        action: "sai-project.create",
        entityType: "ManagingBody",
        entityId: input.managingBodyId,
        after: projectSnapshot(project),
        details: { projectId: project.id },
      });
      const municipalityMarked = await markSaiMember(tx, {
        actor,
        municipalityId: municipality.id,
        details: { projectId: project.id, managingBodyId: input.managingBodyId },
      });
      return { ok: true, id: project.id, municipalityMarked };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "DUPLICATE" };
    throw error;
  }
}

export type UpdateSaiProjectResult =
  | { ok: true; changed: boolean; municipalityMarked: boolean }
  | ProjectClash
  | { ok: false; reason: "NOT_FOUND" }
  | { ok: false; reason: "MUNICIPALITY_NOT_FOUND" };

/** Edits a project of this body (a project of another body is "not found"). */
export async function updateSaiProject(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string } } & SaiProjectInput & { id: string; managingBodyId: string },
): Promise<UpdateSaiProjectResult> {
  const { id, managingBodyId, ...fields } = input;
  try {
    return await db.$transaction(async (tx: Tx): Promise<UpdateSaiProjectResult> => {
      await lockSaiProjects(tx);
      const before = await tx.saiProject.findFirst({ where: { id, managingBodyId }, select: { municipalityId: true, ...projectAuditSelect } });
      if (!before) return { ok: false, reason: "NOT_FOUND" };
      if (!(await tx.municipality.findUnique({ where: { id: fields.municipalityId }, select: { id: true } }))) {
        return { ok: false, reason: "MUNICIPALITY_NOT_FOUND" };
      }
      const unchanged =
        before.municipalityId === fields.municipalityId &&
        before.category === fields.category &&
        before.projectCode === fields.projectCode &&
        before.places === fields.places;
      if (unchanged) return { ok: true, changed: false, municipalityMarked: false };
      const clash = await findClash(tx, { id, managingBodyId, ...fields });
      if (clash) return clash;
      const after = await tx.saiProject.update({ where: { id }, data: fields, select: projectAuditSelect });
      await recordAudit(tx, {
        actor,
        action: "sai-project.update",
        entityType: "ManagingBody",
        entityId: managingBodyId,
        before: projectSnapshot(before),
        after: projectSnapshot(after),
        details: { projectId: id },
      });
      const municipalityMarked = await markSaiMember(tx, { actor, municipalityId: fields.municipalityId, details: { projectId: id, managingBodyId } });
      return { ok: true, changed: true, municipalityMarked };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "DUPLICATE" };
    throw error;
  }
}

export type RemoveSaiProjectResult = { ok: true } | { ok: false; reason: "NOT_FOUND" };

/** Removes a project of this body; the municipality stays a SAI member until a coordinator says otherwise. */
export async function removeSaiProject(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string }; id: string; managingBodyId: string },
): Promise<RemoveSaiProjectResult> {
  return db.$transaction(async (tx: Tx): Promise<RemoveSaiProjectResult> => {
    await lockSaiProjects(tx);
    const before = await tx.saiProject.findFirst({ where: { id: input.id, managingBodyId: input.managingBodyId }, select: projectAuditSelect });
    if (!before) return { ok: false, reason: "NOT_FOUND" };
    await tx.saiProject.delete({ where: { id: input.id } });
    await recordAudit(tx, {
      actor,
      action: "sai-project.delete",
      entityType: "ManagingBody",
      entityId: input.managingBodyId,
      before: projectSnapshot(before),
      details: { projectId: input.id },
    });
    return { ok: true };
  });
}
