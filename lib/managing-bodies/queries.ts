import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";

/** Names of the known enti gestori, offered as suggestions where a registrant nominates one. */
export async function listManagingBodyNames(db: Db = defaultDb): Promise<string[]> {
  const bodies = await db.managingBody.findMany({ orderBy: { name: "asc" }, select: { name: true }, distinct: ["name"] });
  return bodies.map((body) => body.name);
}
