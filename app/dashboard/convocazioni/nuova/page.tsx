import type { Metadata } from "next";
import Link from "next/link";
import { MeetingEditor } from "@/components/dashboard/meetings/meeting-editor";
import { guardPage } from "@/lib/auth/guard";
import { createMeetingAction } from "@/lib/meetings/actions";
import { emptyMeetingForm } from "@/lib/meetings/form";
import { latestMeetingLetterhead } from "@/lib/meetings/queries";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Nuova convocazione" };

/** A new convocation starts from the letterhead and signature of the latest one. */
export default async function NewMeetingPage() {
  await guardPage("write");
  const letterhead = await latestMeetingLetterhead(db());
  const initialValues = emptyMeetingForm(
    letterhead
      ? Object.fromEntries(Object.entries(letterhead).map(([field, value]) => [field, value ?? ""]))
      : {},
  );
  return (
    <>
      <p className="small mb-1">
        <Link href={routes.dashboard.meetings()}>Torna alle convocazioni</Link>
      </p>
      <h1 className="mb-3">Nuova convocazione</h1>
      <p className="lead mb-4">
        La convocazione viene salvata come bozza: nessuno la vede finché non la pubblichi.
        {letterhead ? " Intestazione, firma e finanziamento sono ripresi dall'ultima convocazione." : null}
      </p>
      <MeetingEditor
        action={createMeetingAction}
        initialValues={initialValues}
        status="DRAFT"
        now={new Date().toISOString()}
        submitLabel="Salva la bozza"
      />
    </>
  );
}
