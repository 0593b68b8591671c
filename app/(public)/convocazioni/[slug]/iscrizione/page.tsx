import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicPage } from "@/components/layout/public-page";
import { MeetingSummary } from "@/components/registrations/meeting-summary";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { ManagingBodiesDatalist } from "@/components/registrations/managing-bodies-datalist";
import { RegistrationForm } from "@/components/registrations/registration-form";
import { formatShortDateWithArticle, formatTime } from "@/lib/platform/format/dates";
import { getPublicMeeting } from "@/lib/meetings/queries";
import { registrationWindow, type RegistrationWindow } from "@/lib/meetings/registration-window";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { listManagingBodyNames } from "@/lib/managing-bodies/queries";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { registerAction } from "@/lib/registrations/actions";
import { lookupReferentAction } from "@/lib/registrations/link-up/actions";
import { listSaiBodiesByMunicipality } from "@/lib/registrations/link-up/queries";
import { seatsLeft } from "@/lib/registrations/queries";
import { FULL_MESSAGE, seatsText, type SeatsLeft } from "@/lib/registrations/seats";
import { slugSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ slug: string }> };

const loadMeeting = cache((slug: string) => getPublicMeeting(db(), slug));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const slug = slugSegment((await params).slug);
  const meeting = await loadMeeting(slug);
  return { title: meeting ? `Iscrizione - ${meeting.title}` : "Convocazione non trovata" };
}

function ClosedNotice({ window }: { window: Exclude<RegistrationWindow, { state: "open" }> }) {
  const text =
    window.state === "cancelled"
      ? "La convocazione è stata annullata: non è possibile iscriversi."
      : window.state === "not-yet-open"
        ? `Le iscrizioni apriranno ${formatShortDateWithArticle(window.opensAt)} alle ore ${formatTime(window.opensAt)}.`
        : "Le iscrizioni a questo incontro sono chiuse.";
  return (
    <div className="alert alert-warning mb-5">
      <h2 className="h4">{window.state === "not-yet-open" ? "Iscrizioni non ancora aperte" : "Iscrizioni chiuse"}</h2>
      <p className="mb-0">{text}</p>
    </div>
  );
}

/** Before the form: how many seats are left, or that a registration now joins the waiting list. */
function SeatsNotice({ seats }: { seats: SeatsLeft }) {
  if (seats === null) return null;
  if (seats === 0) {
    return (
      <div className="alert alert-warning mb-5">
        <h2 className="h4">{FULL_MESSAGE}</h2>
        <p className="mb-0">
          I posti sono tutti assegnati: compilando il modulo entri nella lista d&apos;attesa. Se si libera un posto, le
          persone in lista d&apos;attesa sono iscritte in ordine di arrivo e avvisate per email.
        </p>
      </div>
    );
  }
  return <p className="alert alert-info mb-5">{seatsText(seats)}</p>;
}

export default async function RegistrationPage({ params }: PageProps) {
  const slug = slugSegment((await params).slug);
  const meeting = await loadMeeting(slug);
  if (!meeting) notFound();
  const window = registrationWindow(meeting, new Date());

  return (
    <PublicPage lastUpdated={meeting.updatedAt}>
      <p className="small mb-1">
        <Link href={routes.public.meeting(meeting.slug).page()}>Torna alla convocazione</Link>
      </p>
      <h1 className="mb-4">Iscrizione all&apos;incontro</h1>
      <MeetingSummary meeting={meeting} />
      {window.state === "open" ? (
        <>
          <SeatsNotice seats={await seatsLeft(db(), meeting.slug)} />
          <RegistrationForm
            action={registerAction.bind(null, meeting.slug)}
            municipalities={groupByProvince(await listMunicipalitiesForSelect(db()))}
            privacyVersion={PRIVACY_NOTICE_VERSION}
            knownBodies={await listSaiBodiesByMunicipality(db())}
            lookupReferent={lookupReferentAction}
          />
          <ManagingBodiesDatalist names={await listManagingBodyNames(db())} />
        </>
      ) : (
        <ClosedNotice window={window} />
      )}
    </PublicPage>
  );
}
