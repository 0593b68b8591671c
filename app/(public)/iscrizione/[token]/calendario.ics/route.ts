// A registration's calendar file: the meeting's public entry plus the
// address of the registrant's personal page, where the join link is. The
// personal link's token is the credential; the join link itself never goes in.
import type { NextRequest } from "next/server";
import { icsResponse, meetingIcs } from "@/lib/meetings/ics";
import { getRegistrationByToken } from "@/lib/registrations/queries";
import { publicOrigin } from "@/lib/site";
import { isToken } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

function notFound() {
  return new Response("Iscrizione non trovata.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = isToken(token) ? await getRegistrationByToken(db(), { token }) : null;
  if (!found || found.link !== "valid" || found.registration.status === "CANCELLED") return notFound();
  const { meeting } = found.registration;
  const origin = publicOrigin(request.nextUrl.origin);
  const body = meetingIcs(meeting, `${origin}${routes.public.meeting(encodeURIComponent(meeting.slug)).page()}`, new Date(), {
    personalUrl: `${origin}${routes.personal(token).page()}`,
  });
  return icsResponse(meeting.slug, body, { "X-Robots-Tag": "noindex" });
}
