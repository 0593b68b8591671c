import { db } from "@/lib/db";
import { EMAIL_BATCH_QUEUE } from "@/lib/email/batch/queue";
import { EMAIL_QUEUE } from "@/lib/email/queue";
import { readinessFacts } from "@/lib/platform/health/queries";
import { assessReadiness, shippedMigrations } from "@/lib/platform/health/readiness";
import { TICK_QUEUE } from "@/lib/scheduling/queue";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database answers, every migration of this build is
 * applied and the job queue is in place and worked; 503 naming what is not
 * (README, "In produzione"). Public: it tells no more than that.
 */
export async function GET() {
  const [facts, shipped] = await Promise.all([readinessFacts(db()), shippedMigrations().catch(() => null)]);
  const readiness = assessReadiness({
    facts,
    shipped,
    queues: [EMAIL_QUEUE, EMAIL_BATCH_QUEUE, TICK_QUEUE],
    schedules: [TICK_QUEUE],
    runsWorkers: process.env.EMAIL_WORKER !== "off",
  });
  return Response.json(readiness, { status: readiness.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
