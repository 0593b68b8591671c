import type { NextRequest } from "next/server";
import { icsResponse, meetingIcs } from "@/lib/meetings/ics";
import { getPublicMeeting } from "@/lib/meetings/queries";
import { publicOrigin } from "@/lib/site";
import { isMeetingSlug } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const meeting = isMeetingSlug(slug) ? await getPublicMeeting(db(), slug) : null;
  if (!meeting) {
    return new Response(MEETING_NOT_FOUND, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const pageUrl = `${publicOrigin(request.nextUrl.origin)}${routes.public.meeting(encodeURIComponent(meeting.slug)).page()}`;
  const body = meetingIcs(meeting, pageUrl, new Date());
  return icsResponse(meeting.slug, body);
}
