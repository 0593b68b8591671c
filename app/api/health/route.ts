export const dynamic = "force-dynamic";

/**
 * Liveness, for the load balancer and the e2e runner: the process answers.
 * It reads nothing (no database): a database outage is /api/ready's to report,
 * and must not get healthy instances restarted.
 */
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
