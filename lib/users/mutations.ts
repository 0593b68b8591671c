import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/mutations";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { cancelQueuedEmails, enqueueEmail } from "@/lib/email/mutations";
import { appOrigin } from "@/lib/site";

export type AddUserInput = { email: string; role: UserRole; name?: string | null };
export type AddUserResult = { created: boolean; user: { id: string; email: string; role: UserRole; active: boolean } };

/**
 * Gives an address access to the dashboard with a role: creates the user, or
 * updates and reactivates an existing one. Sign-in stays by magic link only.
 */
export async function addUser(db: PrismaClient, { actor, ...input }: { actor: AuditActor } & AddUserInput): Promise<AddUserResult> {
  const email = input.email.trim().toLowerCase();
  const name = input.name?.trim() || null;
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    const before = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, active: true, name: true } });
    const user = await tx.user.upsert({
      where: { email },
      create: { email, role: input.role, name },
      update: { role: input.role, active: true, ...(name ? { name } : {}) },
      select: { id: true, email: true, role: true, active: true, name: true },
    });
    await recordAudit(tx, {
      actor,
      action: before ? "user.update" : "user.create",
      entityType: "User",
      entityId: user.id,
      before: before ? { role: before.role, active: before.active, name: before.name } : null,
      after: { email: user.email, role: user.role, active: user.active, name: user.name },
    });
    return { created: !before, user: { id: user.id, email: user.email, role: user.role, active: user.active } };
  });
}

type ManagedUser = { id: string; email: string; name: string | null; role: UserRole; active: boolean };

const managedUserSelect = { id: true, email: true, name: true, role: true, active: true } satisfies Prisma.UserSelect;

/**
 * User management runs one change at a time: two admins demoting each other
 * at the same moment must not both pass the "another admin remains" check.
 */
async function lockUserManagement(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('convoca.user-management'))`;
}

/** Would the dashboard keep an active admin without this one? */
async function isLastActiveAdmin(tx: Tx, user: ManagedUser): Promise<boolean> {
  if (user.role !== "ADMIN" || !user.active) return false;
  return (await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: user.id } } })) === 0;
}

function auditState(user: ManagedUser) {
  return { role: user.role, active: user.active, name: user.name };
}

export type InviteUserInput = { email: string; role: UserRole; name?: string | null };
export type InviteUserResult =
  | { ok: true; user: ManagedUser; reactivated: boolean; emailId: string }
  | { ok: false; reason: "ALREADY_ACTIVE" };

/**
 * Gives an address access to the dashboard and tells them by email where to
 * sign in. An address that had access and lost it gets it back, with the role
 * given now; an address already active is left alone (changing its role is
 * another form).
 */
export async function inviteUser(db: PrismaClient, { actor, ...input }: { actor: { id: string } } & InviteUserInput): Promise<InviteUserResult> {
  const email = input.email.trim().toLowerCase();
  const name = input.name?.trim() || null;
  return db.$transaction(async (tx: Tx): Promise<InviteUserResult> => {
    // The unique index decides whether the address is new: no look-up-then-insert race.
    const [created] = await tx.user.createManyAndReturn({
      data: [{ email, role: input.role, name }],
      skipDuplicates: true,
      select: managedUserSelect,
    });
    let user: ManagedUser;
    let before: ManagedUser | null = null;
    if (created) {
      user = created;
    } else {
      const [existing] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE email = ${email} FOR UPDATE`;
      before = await tx.user.findUniqueOrThrow({ where: { id: existing.id }, select: managedUserSelect });
      if (before.active) return { ok: false, reason: "ALREADY_ACTIVE" };
      user = await tx.user.update({
        where: { id: before.id },
        data: { role: input.role, active: true, ...(name ? { name } : {}) },
        select: managedUserSelect,
      });
    }

    const inviter = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, email: true } });
    const { id: emailId } = await enqueueEmail(tx, {
      template: "user-invitation",
      toEmail: user.email,
      toName: user.name,
      data: {
        recipientName: user.name,
        roleLabel: ROLE_LABELS[user.role],
        inviterName: inviter?.name ?? null,
        signInUrl: `${appOrigin()}${SIGN_IN_PATH}`,
      },
    });
    await recordAudit(tx, {
      actor,
      action: before ? "user.reactivate" : "user.invite",
      entityType: "User",
      entityId: user.id,
      before: before ? auditState(before) : null,
      after: { email: user.email, ...auditState(user) },
      details: { invitationEmailId: emailId },
    });
    return { ok: true, user, reactivated: before !== null, emailId };
  });
}

export type ChangeRoleResult =
  | { ok: true; changed: boolean; user: ManagedUser }
  | { ok: false; reason: "NOT_FOUND" | "SELF" | "LAST_ADMIN" };

/** A user's role. Nobody changes their own, and the last active admin stays an admin. */
export async function changeRole(db: PrismaClient, { actor, ...input }: { actor: { id: string }; userId: string; role: UserRole }): Promise<ChangeRoleResult> {
  return db.$transaction(async (tx: Tx): Promise<ChangeRoleResult> => {
    await lockUserManagement(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: managedUserSelect });
    if (!user) return { ok: false, reason: "NOT_FOUND" };
    if (user.role === input.role) return { ok: true, changed: false, user };
    if (user.id === actor.id) return { ok: false, reason: "SELF" };
    if (await isLastActiveAdmin(tx, user)) return { ok: false, reason: "LAST_ADMIN" };

    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: managedUserSelect });
    await recordAudit(tx, {
      actor,
      action: "user.role",
      entityType: "User",
      entityId: user.id,
      before: { role: user.role },
      after: { role: updated.role },
    });
    return { ok: true, changed: true, user: updated };
  });
}

export type DeactivateUserResult =
  | { ok: true; changed: boolean; sessionsEnded: number }
  | { ok: false; reason: "NOT_FOUND" | "SELF" | "LAST_ADMIN" };

export const CANCELLED_DEACTIVATED = "Annullato: utente disattivato";

/**
 * Takes dashboard access away and ends the user's sessions, so they are
 * signed out on their next request rather than when the session expires.
 */
export async function deactivateUser(db: PrismaClient, { actor, ...input }: { actor: { id: string }; userId: string }): Promise<DeactivateUserResult> {
  return db.$transaction(async (tx: Tx): Promise<DeactivateUserResult> => {
    await lockUserManagement(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: managedUserSelect });
    if (!user) return { ok: false, reason: "NOT_FOUND" };
    if (user.id === actor.id) return { ok: false, reason: "SELF" };
    if (!user.active) return { ok: true, changed: false, sessionsEnded: 0 };
    if (await isLastActiveAdmin(tx, user)) return { ok: false, reason: "LAST_ADMIN" };

    await tx.user.update({ where: { id: user.id }, data: { active: false } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    // A sign-in link or an invitation not yet used is of no more use: unsent, it stays unsent; sent, it stops working.
    await cancelQueuedEmails(tx, { where: { toEmail: user.email, template: { in: ["sign-in-link", "user-invitation"] } }, reason: CANCELLED_DEACTIVATED });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await recordAudit(tx, {
      actor,
      action: "user.deactivate",
      entityType: "User",
      entityId: user.id,
      before: { active: true },
      after: { active: false },
      details: { sessionsEnded: count },
    });
    return { ok: true, changed: true, sessionsEnded: count };
  });
}

export type ReactivateUserResult = { ok: true; changed: boolean } | { ok: false; reason: "NOT_FOUND" };

/** Gives access back with the role the user had; they sign in again by link. */
export async function reactivateUser(db: PrismaClient, { actor, ...input }: { actor: { id: string }; userId: string }): Promise<ReactivateUserResult> {
  return db.$transaction(async (tx: Tx): Promise<ReactivateUserResult> => {
    await lockUserManagement(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: managedUserSelect });
    if (!user) return { ok: false, reason: "NOT_FOUND" };
    if (user.active) return { ok: true, changed: false };

    await tx.user.update({ where: { id: user.id }, data: { active: true } });
    await recordAudit(tx, {
      actor,
      action: "user.reactivate",
      entityType: "User",
      entityId: user.id,
      before: { active: false },
      after: { active: true },
    });
    return { ok: true, changed: true };
  });
}
