// npm run db:migrate: applies pending migrations (prisma migrate deploy).
import { openDatabase } from "../lib/platform/database/runtime";
import { applyMigrations } from "../lib/platform/database/migrate";
import { logInfo } from "../lib/platform/logging/log";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  if (applied.length) logInfo`Applied: ${applied.join(", ")}`;
  else console.log("No pending migrations.");
} finally {
  await database.stop();
}
