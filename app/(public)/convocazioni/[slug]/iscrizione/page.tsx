import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicPage } from "@/components/layout/public-page";
import { MeetingSummary } from "@/components/registrations/meeting-summary";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { ManagingBodiesDatalist } from "@/components/registrations/managing-bodies-datalist";
import { RegistrationForm } from "@/components/registrations/registration-form";
import { formatShortDateWithArticle, formatTime } from "@/lib/format/dates";
import { getPublicMeeting } from "@/lib/meetings/queries";
import { registrationWindow, type RegistrationWindow } from "@/lib/meetings/registration-window";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { listManagingBodyNames } from "@/lib/managing-bodies/queries";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { registerAction } from "@/lib/registrations/actions";
import { lookupReferentAction } from "@/lib/registrations/link-up/actions";
import { listSaiBodiesByMunicipality } from "@/lib/registrations/link-up/queries";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ slug: string }> };

const loadMeeting = cache((slug: string) => getPublicMeeting(slug));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
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

export default async function RegistrationPage({ params }: PageProps) {
  const { slug } = await params;
  const meeting = await loadMeeting(slug);
  if (!meeting) notFound();
  const window = registrationWindow(meeting, new Date());

  return (
    <PublicPage lastUpdated={meeting.updatedAt}>
      <p className="small mb-1">
        <Link href={`/convocazioni/${meeting.slug}`}>Torna alla convocazione</Link>
      </p>
      <h1 className="mb-4">Iscrizione all&apos;incontro</h1>
      <MeetingSummary meeting={meeting} />
      {window.state === "open" ? (
        <>
          <RegistrationForm
            action={registerAction.bind(null, meeting.slug)}
            municipalities={groupByProvince(await listMunicipalitiesForSelect())}
            privacyVersion={PRIVACY_NOTICE_VERSION}
            knownBodies={await listSaiBodiesByMunicipality()}
            lookupReferent={lookupReferentAction}
          />
          <ManagingBodiesDatalist names={await listManagingBodyNames()} />
        </>
      ) : (
        <ClosedNotice window={window} />
      )}
    </PublicPage>
  );
}
