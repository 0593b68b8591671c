// npm run db:migrate:create -- <name>: writes prisma/migrations/<timestamp>_<name>
// from the difference between the migrations folder and schema.prisma.
import { openDatabase } from "../lib/platform/database/runtime";
import { applyMigrations, createMigration } from "../lib/platform/database/migrate";
import { logInfo } from "../lib/platform/logging/log";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migrate:create -- <name>   (lower-case letters, digits, underscores)");
  process.exit(2);
}

const database = await openDatabase();
try {
  // Like `prisma migrate dev`: bring the database up to the migrations folder
  // first; the engine diffs from there and refuses a database that is behind.
  const applied = await applyMigrations(database.url);
  if (applied.length) logInfo`Applied first: ${applied.join(", ")}`;
  const folder = await createMigration(database.url, name);
  if (folder) logInfo`Created ${folder}`;
  else console.log("schema.prisma and the migrations already agree: nothing to create.");
} finally {
  await database.stop();
}
