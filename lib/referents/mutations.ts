import "server-only";
// Referents of a municipality: designating one (from an approved scheda or
// by a coordinator), editing, revoking. Every change to a municipality's
// referents runs under its row lock, so an approval, an addition and a
// revocation of the same Comune never interleave.
import { recordAudit } from "@/lib/audit/mutations";
import { enqueueEmail } from "@/lib/email/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation, type Db, type Tx } from "@/lib/db";
import type { ReferentRole, ReferentSource, ReferentStatus } from "@/lib/generated/prisma/enums";
import { designationEmail } from "./emails";
import { REFERENT_ROLE_LABELS } from "./labels";
import type { AddReferentInput, UpdateReferentInput } from "./schema";

export type LockedMunicipality = { id: string; name: string; pec: string | null };

/** Locks the municipality's row: its referents and schede change one transaction at a time. */
export async function lockMunicipality(tx: Tx, id: string): Promise<LockedMunicipality | null> {
  const rows = await tx.$queryRaw<LockedMunicipality[]>`
    SELECT id, name, pec FROM "Municipality" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

export type DesignateInput = {
  municipalityId: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  role: ReferentRole;
  office: string | null;
  source: ReferentSource;
  sheetId?: string | null;
};

type ReferentState = { status: ReferentStatus; role: ReferentRole; office: string | null };

export type Designation = {
  referentId: string;
  person: { id: string; email: string; firstName: string; lastName: string };
  /** The referent as it was: null when new. */
  before: ReferentState | null;
};

/** What the audit log keeps of a referent: no email, no phone. */
export function auditReferent(state: ReferentState & { revokedReason?: string | null }) {
  return {
    status: state.status,
    referentRole: REFERENT_ROLE_LABELS[state.role],
    office: state.office,
    ...(state.revokedReason ? { revokedReason: state.revokedReason } : {}),
  };
}

/**
 * Makes a person (found or created by email, names and phone updated) an
 * ACTIVE referent of the municipality. A revoked referent comes back, its
 * revocation cleared and activated now. The municipality must be locked.
 */
export async function designateReferent(tx: Tx, { now, ...input }: { now: Date } & DesignateInput): Promise<Designation> {
  const person = await tx.person.upsert({
    where: { email: input.email },
    create: { email: input.email, firstName: input.firstName, lastName: input.lastName, phone: input.phone },
    update: { firstName: input.firstName, lastName: input.lastName, ...(input.phone ? { phone: input.phone } : {}) },
    select: { id: true, email: true, firstName: true, lastName: true },
  });
  const existing = await tx.referent.findUnique({
    where: { municipalityId_personId: { municipalityId: input.municipalityId, personId: person.id } },
    select: { id: true, status: true, role: true, office: true },
  });
  const fields = {
    role: input.role,
    office: input.office,
    status: "ACTIVE" as const,
    source: input.source,
    sheetId: input.sheetId ?? null,
    revokedAt: null,
    revokedReason: null,
  };
  const referent = existing
    ? await tx.referent.update({
        where: { id: existing.id },
        data: { ...fields, ...(existing.status === "REVOKED" ? { activatedAt: now } : {}) },
        select: { id: true },
      })
    : await tx.referent.create({ data: { municipalityId: input.municipalityId, personId: person.id, ...fields, activatedAt: now }, select: { id: true } });
  return {
    referentId: referent.id,
    person,
    before: existing ? { status: existing.status, role: existing.role, office: existing.office } : null,
  };
}

export type AddReferentResult =
  | { ok: true; referentId: string; reactivated: boolean }
  | { ok: false; reason: "UNKNOWN_MUNICIPALITY" | "ALREADY_ACTIVE" };

/** A coordinator names a referent: emailed like one designated by a scheda. */
export async function addReferent(
  db: Db,
  { actor, now = new Date(), ...input }: { actor: { id: string }; now?: Date } & AddReferentInput,
): Promise<AddReferentResult> {
  try {
    return await db.$transaction(async (tx): Promise<AddReferentResult> => {
      const municipality = await lockMunicipality(tx, input.municipalityId);
      if (!municipality) return { ok: false, reason: "UNKNOWN_MUNICIPALITY" };
      const active = await tx.referent.count({
        where: { municipalityId: municipality.id, status: "ACTIVE", person: { email: input.email } },
      });
      if (active) return { ok: false, reason: "ALREADY_ACTIVE" };

      const designation = await designateReferent(tx, { ...input, municipalityId: municipality.id, source: "COORDINATOR", now });
      const { id: emailId } = await enqueueEmail(
        tx,
        designationEmail({ person: designation.person, municipalityName: municipality.name, role: input.role, office: input.office }),
      );
      await recordAudit(tx, {
        actor,
        action: designation.before ? "referent.reactivate" : "referent.create",
        entityType: "Referent",
        entityId: designation.referentId,
        before: designation.before ? auditReferent(designation.before) : null,
        after: { municipality: municipality.name, ...auditReferent({ status: "ACTIVE", role: input.role, office: input.office }) },
        details: { designationEmailId: emailId },
      });
      return { ok: true, referentId: designation.referentId, reactivated: designation.before !== null };
    });
  } catch (error) {
    // Only a concurrent insert of the same referent gets here (the lock orders the rest).
    if (isUniqueViolation(error)) return { ok: false, reason: "ALREADY_ACTIVE" };
    throw error;
  }
}

export type UpdateReferentResult = { ok: true; changed: boolean } | { ok: false; reason: "NOT_FOUND" };

/** Names, phone (the person's), role and office (the referent's). */
export async function updateReferent(
  db: Db,
  { actor, referentId, ...input }: { actor: { id: string }; referentId: string } & UpdateReferentInput,
): Promise<UpdateReferentResult> {
  return db.$transaction(async (tx): Promise<UpdateReferentResult> => {
    const found = await tx.referent.findUnique({ where: { id: referentId }, select: { municipalityId: true } });
    if (!found) return { ok: false, reason: "NOT_FOUND" };
    await lockMunicipality(tx, found.municipalityId);
    const referent = await tx.referent.findUniqueOrThrow({
      where: { id: referentId },
      select: { status: true, role: true, office: true, person: { select: { id: true, firstName: true, lastName: true, phone: true } } },
    });
    const { person } = referent;
    const phoneChanged = person.phone !== input.phone;
    const before = { firstName: person.firstName, lastName: person.lastName, ...auditReferent(referent) };
    const after = { firstName: input.firstName, lastName: input.lastName, ...auditReferent({ ...referent, role: input.role, office: input.office }) };
    const changed = phoneChanged || JSON.stringify(before) !== JSON.stringify(after);
    if (!changed) return { ok: true, changed: false };

    await tx.person.update({
      where: { id: person.id },
      data: { firstName: input.firstName, lastName: input.lastName, phone: input.phone },
    });
    await tx.referent.update({ where: { id: referentId }, data: { role: input.role, office: input.office } });
    await recordAudit(tx, {
      actor,
      action: "referent.update",
      entityType: "Referent",
      entityId: referentId,
      before,
      after,
      ...(phoneChanged ? { details: { phoneChanged: true } } : {}),
    });
    return { ok: true, changed: true };
  });
}

export type RevokeReferentResult = { ok: true } | { ok: false; reason: "NOT_FOUND" | "ALREADY_REVOKED" };

/** Marks a referent REVOKED with the reason, which the audit log keeps too. */
export async function revokeReferent(
  db: Db,
  { actor, referentId, reason, now = new Date() }: { actor: { id: string }; referentId: string; reason: string; now?: Date },
): Promise<RevokeReferentResult> {
  return db.$transaction(async (tx): Promise<RevokeReferentResult> => {
    const found = await tx.referent.findUnique({ where: { id: referentId }, select: { municipalityId: true } });
    if (!found) return { ok: false, reason: "NOT_FOUND" };
    await lockMunicipality(tx, found.municipalityId);
    const revoked = await revokeInTransaction(tx, { actor, referentId, reason, now });
    return revoked ? { ok: true } : { ok: false, reason: "ALREADY_REVOKED" };
  });
}

/** Revokes an ACTIVE referent and records it; false when it was not active. */
export async function revokeInTransaction(
  tx: Tx,
  { actor, referentId, reason, now, details }: { actor: { id: string }; referentId: string; reason: string; now: Date; details?: Prisma.InputJsonValue },
): Promise<boolean> {
  const [referent] = await tx.referent.updateManyAndReturn({
    where: { id: referentId, status: "ACTIVE" },
    data: { status: "REVOKED", revokedAt: now, revokedReason: reason },
    select: { id: true, role: true, office: true },
  });
  if (!referent) return false;
  await recordAudit(tx, {
    actor,
    action: "referent.revoke",
    entityType: "Referent",
    entityId: referent.id,
    before: auditReferent({ ...referent, status: "ACTIVE" }),
    after: auditReferent({ ...referent, status: "REVOKED", revokedReason: reason }),
    details: details ?? null,
  });
  return true;
}
