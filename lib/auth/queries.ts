import "server-only";
import type { Db } from "@/lib/db";

/** Whether this address belongs to an active dashboard user: the only ones who may sign in. */
export async function mayUseDashboard(db: Db, email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { active: true } });
  return user?.active === true;
}
