import "server-only";
import type { Db } from "@/lib/db";

export async function databaseIsUp(db: Db): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
