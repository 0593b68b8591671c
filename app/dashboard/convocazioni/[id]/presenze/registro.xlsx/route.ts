// The attendance register for the FAMI reporting, as XLSX. Reading is enough
// (an observer, the funder's monitor, may download it).
import { guardMeetingRoute } from "@/lib/auth/guard";
import { registerDownload } from "@/lib/attendance/register/download";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  return registerDownload(db(), { user: guard.user, meetingId: guard.meetingId, format: "xlsx", method: request.method });
}
