// npm run db:seed: adds the 391 municipalities, the reference convocation and
// the demo users where they are missing. Safe to run again.
import { openDatabase } from "../lib/platform/database/runtime";
import { applyMigrations } from "../lib/platform/database/migrate";
import { createPrismaClient } from "../lib/platform/database/client";
import { seed } from "../prisma/seed";

const database = await openDatabase();
const prisma = createPrismaClient(database.url, 2);
try {
  await applyMigrations(database.url);
  const result = await seed(prisma);
  console.log(
    `Seed: ${result.municipalities} municipalities added, reference convocation ${
      result.meetingCreated ? "created" : "already there"
    }, ${result.usersCreated} demo users created.`,
  );
} finally {
  await prisma.$disconnect();
  await database.stop();
}
