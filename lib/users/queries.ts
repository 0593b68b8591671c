import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const userListSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  // Sessions are deleted on sign-out and expiry: the newest one left is the last sign-in we know of.
  sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userListSelect }>;

export type UserListItem = Omit<UserRow, "sessions"> & { lastSignInAt: Date | null };

/** Every dashboard user: active ones first, then by email. */
export async function listUsers(db: Db): Promise<UserListItem[]> {
  const rows = await db.user.findMany({ select: userListSelect, orderBy: [{ active: "desc" }, { email: "asc" }] });
  return rows.map(({ sessions, ...user }) => ({ ...user, lastSignInAt: sessions[0]?.createdAt ?? null }));
}

/** Who may appear as the author of audit entries, for the audit log's filter. */
export async function listUserOptions(db: Db): Promise<{ id: string; email: string; name: string | null }[]> {
  return db.user.findMany({ select: { id: true, email: true, name: true }, orderBy: { email: "asc" } });
}
