import "server-only";
import { cache } from "react";
import { auth } from "./auth";
import type { DashboardUser } from "./roles";

/**
 * The signed-in dashboard user, or null: no session, an expired one, or a
 * user deactivated since signing in. Database sessions: the user's role and
 * state are read afresh on every request, so a change applies at once.
 */
export const currentUser = cache(async function currentUser(): Promise<DashboardUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
