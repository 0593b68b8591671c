// npm run db:migrate: applies pending migrations (prisma migrate deploy).
import { openDatabase } from "../lib/database/runtime";
import { applyMigrations } from "../lib/database/migrate";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
} finally {
  await database.stop();
}
