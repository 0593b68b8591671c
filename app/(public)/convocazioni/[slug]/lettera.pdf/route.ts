// The convocation letter as PDF, for anyone once the meeting is published
// (a draft's letter is only previewed in the dashboard).
import { db } from "@/lib/db";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";
import { buildLetterPdf, letterFileName } from "@/lib/meetings/letter-pdf";
import { getPublicMeeting } from "@/lib/meetings/queries";
import { pdfResponse } from "@/lib/platform/pdf/response";
import { isMeetingSlug } from "@/lib/segments";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const meeting = isMeetingSlug(slug) ? await getPublicMeeting(db(), slug) : null;
  if (!meeting) return new Response(MEETING_NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return pdfResponse(await buildLetterPdf(meeting), letterFileName(meeting.slug));
}
