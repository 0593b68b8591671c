import { databaseIsUp } from "@/lib/platform/health/queries";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness for load balancers and the e2e runner: the app and its database. */
export async function GET() {
  const database = await databaseIsUp(db());
  return Response.json({ ok: database, database }, { status: database ? 200 : 503 });
}
