// How the convocation's delivery is going, polled by the dispatch page.
import { guardMeetingRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getDispatchProgress } from "@/lib/dispatch/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  return Response.json(await getDispatchProgress(db(), guard.meetingId), { headers: { "cache-control": "no-store" } });
}
