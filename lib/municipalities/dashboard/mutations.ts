import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit, recordAudits } from "@/lib/audit/mutations";

export type SetSaiFlagResult =
  | { ok: true; changed: boolean; municipality: { id: string; name: string; saiMember: boolean } }
  | { ok: false; reason: "NOT_FOUND" };

/**
 * Whether a municipality is in the SAI network: coverage and reminders count
 * only the members. Setting the value it already has changes nothing and
 * records nothing.
 */
export async function setMunicipalitySaiFlag(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string }; municipalityId: string; saiMember: boolean },
): Promise<SetSaiFlagResult> {
  return db.$transaction(async (tx: Prisma.TransactionClient): Promise<SetSaiFlagResult> => {
    const [row] = await tx.$queryRaw<{ id: string; name: string; saiMember: boolean }[]>`
      SELECT id, name, "saiMember" FROM "Municipality" WHERE id = ${input.municipalityId}::uuid FOR UPDATE`;
    if (!row) return { ok: false, reason: "NOT_FOUND" };
    if (row.saiMember === input.saiMember) return { ok: true, changed: false, municipality: row };
    await tx.municipality.update({ where: { id: row.id }, data: { saiMember: input.saiMember } });
    await recordAudit(tx, {
      actor,
      action: "municipality.sai-flag",
      entityType: "Municipality",
      entityId: row.id,
      before: { saiMember: row.saiMember },
      after: { saiMember: input.saiMember },
    });
    return { ok: true, changed: true, municipality: { ...row, saiMember: input.saiMember } };
  });
}

export type SetSaiFlagsResult = { ok: true; changed: string[]; unchanged: number; missing: number };

/**
 * The SAI flag for a selection of Comuni at once, audited one by one like
 * the single change: those that already have the value are left alone and
 * recorded nowhere; ids that match no Comune are counted, not fatal.
 */
export async function setMunicipalitiesSaiFlag(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string }; municipalityIds: string[]; saiMember: boolean },
): Promise<SetSaiFlagsResult> {
  return db.$transaction(async (tx: Prisma.TransactionClient): Promise<SetSaiFlagsResult> => {
    const rows = await tx.$queryRaw<{ id: string; name: string; saiMember: boolean }[]>`
      SELECT id, name, "saiMember" FROM "Municipality" WHERE id = ANY(${input.municipalityIds}::uuid[]) ORDER BY id FOR UPDATE`;
    const changing = rows.filter((row) => row.saiMember !== input.saiMember);
    if (changing.length > 0) {
      await tx.municipality.updateMany({ where: { id: { in: changing.map((row) => row.id) } }, data: { saiMember: input.saiMember } });
      await recordAudits(
        tx,
        changing.map((row) => ({
          actor,
          action: "municipality.sai-flag",
          entityType: "Municipality" as const,
          entityId: row.id,
          before: { saiMember: row.saiMember },
          after: { saiMember: input.saiMember },
        })),
      );
    }
    const names = changing.map((row) => row.name).sort(new Intl.Collator("it").compare);
    return { ok: true, changed: names, unchanged: rows.length - changing.length, missing: input.municipalityIds.length - rows.length };
  });
}

export type SetPecResult = { ok: true; changed: boolean; municipality: { id: string; name: string; pec: string | null } } | { ok: false; reason: "NOT_FOUND" };

/** The Comune's PEC, as a coordinator corrects it; the same value again changes and records nothing. */
export async function setMunicipalityPec(
  db: PrismaClient,
  { actor, municipalityId, pec }: { actor: { id: string }; municipalityId: string; pec: string | null },
): Promise<SetPecResult> {
  return db.$transaction(async (tx: Prisma.TransactionClient): Promise<SetPecResult> => {
    const [row] = await tx.$queryRaw<{ id: string; name: string; pec: string | null }[]>`
      SELECT id, name, pec FROM "Municipality" WHERE id = ${municipalityId}::uuid FOR UPDATE`;
    if (!row) return { ok: false, reason: "NOT_FOUND" };
    if (row.pec === pec) return { ok: true, changed: false, municipality: row };
    await tx.municipality.update({ where: { id: row.id }, data: { pec } });
    await recordAudit(tx, { actor, action: "municipality.pec", entityType: "Municipality", entityId: row.id, before: { pec: row.pec }, after: { pec } });
    return { ok: true, changed: true, municipality: { ...row, pec } };
  });
}
