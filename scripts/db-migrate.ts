// npm run db:migrate: applies pending migrations (prisma migrate deploy).
import { openDatabase } from "../lib/database/runtime";
import { applyMigrations } from "../lib/database/migrate";
import { logInfo } from "../lib/logging/log";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  if (applied.length) logInfo`Applied: ${applied.join(", ")}`;
  else console.log("No pending migrations.");
} finally {
  await database.stop();
}
