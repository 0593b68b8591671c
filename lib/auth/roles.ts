// Who may do what in the dashboard. One table, read by the guard: a page or
// action names the permission it needs, never a list of roles.
import type { UserRole } from "@/lib/generated/prisma/enums";

/** read: see pages and exports; write: change meetings, registrations, attendance; admin: manage users. */
export type Permission = "read" | "write" | "admin";

const GRANTS: Record<UserRole, readonly Permission[]> = {
  ADMIN: ["read", "write", "admin"],
  COORDINATOR: ["read", "write"],
  OBSERVER: ["read"],
};

export function can(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: "Amministratore",
  COORDINATOR: "Coordinatore",
  OBSERVER: "Osservatore (sola lettura)",
};

export const USER_ROLES = ["ADMIN", "COORDINATOR", "OBSERVER"] as const satisfies readonly UserRole[];

/** The signed-in dashboard user, as every guarded page and action receives it. */
export type DashboardUser = {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
};
