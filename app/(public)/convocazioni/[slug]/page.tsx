import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicPage } from "@/components/layout/public-page";
import { MeetingSheet } from "@/components/meetings/meeting-sheet";
import { stripInlineMarkdown } from "@/lib/platform/format/text";
import { getPublicMeeting } from "@/lib/meetings/queries";
import { seatsLeft } from "@/lib/registrations/queries";
import { slugSegment } from "@/lib/segments";
import { db } from "@/lib/db";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask for the same meeting: one query per request.
const loadMeeting = cache((slug: string) => getPublicMeeting(db(), slug));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const slug = slugSegment((await params).slug);
  const meeting = await loadMeeting(slug);
  if (!meeting) return { title: "Convocazione non trovata" };
  return { title: meeting.title, description: stripInlineMarkdown(meeting.subject) };
}

export default async function MeetingPage({ params }: PageProps) {
  const slug = slugSegment((await params).slug);
  const meeting = await loadMeeting(slug);
  if (!meeting) notFound();
  const now = new Date();
  return (
    <PublicPage lastUpdated={meeting.updatedAt}>
      <MeetingSheet meeting={meeting} now={now} seats={await seatsLeft(db(), meeting.slug)} letterPdf={routes.public.meeting(meeting.slug).letter()} />
    </PublicPage>
  );
}
