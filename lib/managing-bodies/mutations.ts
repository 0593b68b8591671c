// Creating and editing a managing body. The tax code's unique index decides
// duplicates: a clash comes back naming the body that already has the code.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/platform/database/prisma";
import { recordAudit } from "@/lib/audit/mutations";
import type { ManagingBodyInput } from "./schema";

export const managingBodyAuditSelect = { name: true, taxCode: true, email: true, pec: true, phone: true } satisfies Prisma.ManagingBodySelect;

export type ManagingBodyFields = Prisma.ManagingBodyGetPayload<{ select: typeof managingBodyAuditSelect }>;

export type TaxCodeTaken = { ok: false; reason: "TAX_CODE_TAKEN"; other: { id: string; name: string } | null };

/** Which body holds this tax code, after a unique violation told us one does. */
async function taxCodeTaken(db: PrismaClient, taxCode: string | null): Promise<TaxCodeTaken> {
  const other = taxCode ? await db.managingBody.findUnique({ where: { taxCode }, select: { id: true, name: true } }) : null;
  return { ok: false, reason: "TAX_CODE_TAKEN", other };
}

export type CreateManagingBodyResult = { ok: true; id: string } | TaxCodeTaken;

export async function createManagingBody(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string } } & ManagingBodyInput,
): Promise<CreateManagingBodyResult> {
  try {
    return await db.$transaction(async (tx: Tx): Promise<CreateManagingBodyResult> => {
      const body = await tx.managingBody.create({ data: input, select: { id: true, ...managingBodyAuditSelect } });
      const { id, ...after } = body;
      await recordAudit(tx, { actor, action: "managing-body.create", entityType: "ManagingBody", entityId: id, after });
      return { ok: true, id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taxCodeTaken(db, input.taxCode);
    throw error;
  }
}

export type UpdateManagingBodyResult = { ok: true; changed: boolean } | TaxCodeTaken | { ok: false; reason: "NOT_FOUND" };

/** Saves the fields that changed; audits them with their values before. */
export async function updateManagingBody(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string } } & ManagingBodyInput & { id: string },
): Promise<UpdateManagingBodyResult> {
  const { id, ...fields } = input;
  try {
    return await db.$transaction(async (tx: Tx): Promise<UpdateManagingBodyResult> => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ManagingBody" WHERE id = ${id}::uuid FOR UPDATE`;
      if (!locked) return { ok: false, reason: "NOT_FOUND" };
      const before = await tx.managingBody.findUniqueOrThrow({ where: { id }, select: managingBodyAuditSelect });
      const changed = (Object.keys(fields) as (keyof ManagingBodyFields)[]).filter((key) => before[key] !== fields[key]);
      if (changed.length === 0) return { ok: true, changed: false };
      await tx.managingBody.update({ where: { id }, data: fields });
      await recordAudit(tx, {
        actor,
        action: "managing-body.update",
        entityType: "ManagingBody",
        entityId: id,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, fields[key]])),
      });
      return { ok: true, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taxCodeTaken(db, fields.taxCode);
    throw error;
  }
}
