import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/mutations";

export type AddUserInput = { email: string; role: UserRole; name?: string | null };
export type AddUserResult = { created: boolean; user: { id: string; email: string; role: UserRole; active: boolean } };

/**
 * Gives an address access to the dashboard with a role: creates the user, or
 * updates and reactivates an existing one. Sign-in stays by magic link only.
 */
export async function addUser(db: PrismaClient, actor: AuditActor, input: AddUserInput): Promise<AddUserResult> {
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
