// How the coverage reminders' delivery is going, polled by the coverage page.
import { guardMeetingRoute } from "@/lib/auth/guard";
import { getReminderProgress } from "@/lib/coverage/queries";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  const progress = await getReminderProgress(db(), { meetingId: guard.meetingId, now: new Date() });
  return Response.json(progress, { headers: { "cache-control": "no-store" } });
}
