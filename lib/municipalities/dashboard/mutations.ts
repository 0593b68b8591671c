import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";

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
  actor: { id: string },
  input: { municipalityId: string; saiMember: boolean },
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
