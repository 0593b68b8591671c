// How the latest join-link send's delivery is going, polled by the Link page.
// Counts only: never an address, never the link.
import { guardMeetingRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { getJoinLinkProgress } from "@/lib/join-link/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  const progress = await getJoinLinkProgress(db(), guard.meetingId);
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
}
