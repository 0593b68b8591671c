import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeetingBreadcrumb } from "@/components/registrations/dashboard/meeting-breadcrumb";
import { RegisterOnBehalfForm } from "@/components/registrations/dashboard/register-on-behalf-form";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { guardPage } from "@/lib/auth/guard";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { registerOnBehalfAction } from "@/lib/registrations/dashboard/actions";
import { loadRegistrationsMeeting } from "@/lib/registrations/dashboard/queries";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Iscrivi una persona" };

type PageProps = { params: Promise<{ id: string }> };

export default async function RegisterOnBehalfPage({ params }: PageProps) {
  await guardPage("write");
  const id = uuidSegment((await params).id);
  const meeting = await loadRegistrationsMeeting(db(), id);
  if (!meeting) notFound();
  // The service refuses these too; the page says so before anyone fills the form in.
  const closed =
    meeting.status !== "PUBLISHED"
      ? "La convocazione non è pubblicata: si possono aggiungere iscrizioni solo a una convocazione pubblicata."
      : meeting.endsAt <= new Date()
        ? "L'incontro si è già svolto: non si possono aggiungere iscrizioni."
        : null;
  const municipalities = closed ? [] : groupByProvince(await listMunicipalitiesForSelect(db()));
  const listPath = routes.dashboard.meeting(meeting.id).registrations();
  return (
    <>
      <MeetingBreadcrumb
        meetingId={meeting.id}
        meetingTitle={meeting.title}
        trail={[{ href: listPath, label: "Iscrizioni" }, { label: "Iscrivi una persona" }]}
      />
      <h1>Iscrivi una persona</h1>
      <p className="lead">{meeting.title}</p>
      <p>
        L&apos;iscrizione segue le stesse regole di quella fatta dalla persona: è confermata finché ci sono posti, poi va in
        lista d&apos;attesa. La persona riceve per email la conferma con il link personale per consultarla, modificarla o
        annullarla. Il periodo di iscrizione non si applica; una convocazione annullata o un incontro già svolto non
        accettano iscrizioni.
      </p>
      {closed ? (
        <div className="alert alert-warning">
          <p className="mb-0">{closed}</p>
        </div>
      ) : (
        <RegisterOnBehalfForm
          action={registerOnBehalfAction.bind(null, meeting.id)}
          municipalities={municipalities}
          privacyVersion={PRIVACY_NOTICE_VERSION}
        />
      )}
      <p className="mt-4">
        <Link href={listPath}>Torna all&apos;elenco delle iscrizioni</Link>
      </p>
    </>
  );
}
