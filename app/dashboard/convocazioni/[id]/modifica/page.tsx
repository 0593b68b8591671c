import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MeetingEditor } from "@/components/dashboard/meetings/meeting-editor";
import { guardPage } from "@/lib/auth/guard";
import { updatedJoinLinkRecipients } from "@/lib/join-link/queries";
import { updateMeetingAction } from "@/lib/meetings/actions";
import { meetingToForm } from "@/lib/meetings/form";
import { meetingFormVersion } from "@/lib/meetings/form-version";
import { STATUS_LABELS } from "@/lib/meetings/labels";
import { getDashboardMeeting } from "@/lib/meetings/queries";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

type PageProps = { params: Promise<{ id: string }> };

const loadMeeting = cache((id: string) => getDashboardMeeting(db(), id));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  // Metadata renders beside the page, not after it: it needs its own guard.
  await guardPage("write");
  const id = uuidSegment((await params).id);
  const meeting = await loadMeeting(id);
  return { title: meeting ? `Modifica - ${meeting.title}` : "Convocazione non trovata" };
}

export default async function EditMeetingPage({ params }: PageProps) {
  await guardPage("write");
  const id = uuidSegment((await params).id);
  const meeting = await loadMeeting(id);
  if (!meeting) notFound();
  const summary = routes.dashboard.meeting(meeting.id).page();
  const joinLinkRecipients = await updatedJoinLinkRecipients(db(), { meetingId: meeting.id });

  if (meeting.status === "CANCELLED" || meeting.status === "ARCHIVED") {
    return (
      <>
        <p className="small mb-1">
          <Link href={summary}>Torna al riepilogo</Link>
        </p>
        <h1 className="mb-4">Modifica: {meeting.title}</h1>
        <div className="alert alert-warning">
          <p className="mb-0">
            La convocazione è {STATUS_LABELS[meeting.status].toLowerCase()}: non si può più modificare. Per un nuovo
            incontro simile, duplicala dal riepilogo.
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <p className="small mb-1">
        <Link href={summary}>Torna al riepilogo</Link>
      </p>
      <h1 className="mb-3">Modifica: {meeting.title}</h1>
      <p className="lead mb-4">
        {meeting.status === "DRAFT"
          ? "È una bozza: le modifiche restano riservate finché non la pubblichi."
          : "È pubblicata: le modifiche compaiono subito nella pagina pubblica."}
      </p>
      <MeetingEditor
        action={updateMeetingAction.bind(null, meeting.id)}
        initialValues={{ ...meetingToForm(meeting), version: meetingFormVersion(meeting) }}
        status={meeting.status}
        cancellationReason={meeting.cancellationReason}
        now={new Date().toISOString()}
        submitLabel="Salva le modifiche"
        joinLink={{ saved: meeting.joinUrl ?? "", recipients: joinLinkRecipients }}
      />
    </>
  );
}
