// The convocation letter as PDF from the dashboard: a draft's preview, marked
// as such on every page, or the letter as published.
import { guardMeetingRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";
import { buildLetterPdf, letterFileName } from "@/lib/meetings/letter-pdf";
import { getDashboardMeeting } from "@/lib/meetings/queries";
import { pdfResponse } from "@/lib/platform/pdf/response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  const meeting = await getDashboardMeeting(db(), guard.meetingId);
  if (!meeting) return new Response(MEETING_NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return pdfResponse(await buildLetterPdf(meeting, { preview: meeting.status === "DRAFT" }), letterFileName(meeting.slug));
}
