// npm run user:add -- <email> <ADMIN|COORDINATOR|OBSERVER> ["Nome Cognome"]
// Gives an address access to the dashboard (or changes its role). The person
// then signs in at /accedi with the link emailed to them.
import { openDatabase } from "../lib/platform/database/runtime";
import { applyMigrations } from "../lib/platform/database/migrate";
import { createPrismaClient } from "../lib/platform/database/client";
import { USER_ROLES } from "../lib/auth/roles";
import { addUser } from "../lib/users/mutations";
import type { UserRole } from "../lib/generated/prisma/enums";
import { logInfo } from "../lib/platform/logging/log";

const [email, roleArg, name] = process.argv.slice(2);
const role = roleArg?.toUpperCase();
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || !USER_ROLES.includes(role as UserRole)) {
  console.error(`Usage: npm run user:add -- <email> <${USER_ROLES.join("|")}> ["Nome Cognome"]`);
  process.exit(2);
}

const database = await openDatabase();
const prisma = createPrismaClient(database.url, 2);
try {
  await applyMigrations(database.url);
  const { created, user } = await addUser(prisma, { actor: { label: "riga di comando (npm run user:add)" }, email, role: role as UserRole, name });
  logInfo`${created ? "Created" : "Updated"} ${user.email} as ${user.role}. They sign in at /accedi: a one-time link is emailed to this address when they ask for it.`;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
