import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicPage } from "@/components/layout/public-page";
import { FundingHeader } from "@/components/meetings/funding-header";
import { MeetingFacts } from "@/components/meetings/meeting-facts";
import { MeetingLetter } from "@/components/meetings/meeting-letter";
import { AgendaList, SpeakersList } from "@/components/meetings/meeting-programme";
import { RegistrationBox } from "@/components/meetings/registration-box";
import { Callout } from "@/components/ui/callout";
import { stripInlineMarkdown } from "@/lib/format/text";
import { KIND_LABELS } from "@/lib/meetings/labels";
import { getPublicMeeting } from "@/lib/meetings/queries";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask for the same meeting: one query per request.
const loadMeeting = cache((slug: string) => getPublicMeeting(slug));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  const meeting = await loadMeeting(slug);
  if (!meeting) return { title: "Convocazione non trovata" };
  return { title: meeting.title, description: stripInlineMarkdown(meeting.subject) };
}

export default async function MeetingPage({ params }: PageProps) {
  const { slug } = await params;
  const meeting = await loadMeeting(slug);
  if (!meeting) notFound();
  const now = new Date();
  const cancelled = meeting.status === "CANCELLED";
  const ended = now >= meeting.endsAt;

  return (
    <PublicPage lastUpdated={meeting.updatedAt}>
      <FundingHeader
        fundingFund={meeting.fundingFund}
        fundingLine={meeting.fundingLine}
        projectCode={meeting.projectCode}
        projectName={meeting.projectName}
      />

      <p className="text-uppercase fw-semibold small mb-1">{KIND_LABELS[meeting.kind]}</p>
      <h1 className="mb-4">{meeting.title}</h1>

      {cancelled ? (
        <div className="alert alert-danger mb-4">
          <h2 className="h4">Convocazione annullata</h2>
          <p className="mb-0">{meeting.cancellationReason || "L'incontro non si terrà."}</p>
        </div>
      ) : null}

      <div className="row mb-2">
        <div className="col-lg-7 mb-4">
          <MeetingFacts meeting={meeting} />
        </div>
        <div className="col-lg-5">
          <RegistrationBox meeting={meeting} now={now} />
        </div>
      </div>

      {meeting.invitesManagingBodies && !cancelled && !ended ? (
        <Callout title="Invitate gli enti gestori" variant="important" icon="it-horn">
          <p>
            Ai fini di un proficuo confronto, si chiede ai rappresentanti degli enti locali di invitare all&apos;incontro
            i rappresentanti degli enti gestori dei progetti SAI del proprio Comune.
          </p>
        </Callout>
      ) : null}

      <MeetingLetter meeting={meeting} />
      <SpeakersList speakers={meeting.speakers} />
      <AgendaList items={meeting.agendaItems} />

      <Callout title="Scheda referenti" icon="it-user">
        <p>
          Per ricevere informazioni sulle prossime iniziative del Coordinamento e partecipare ai suoi lavori, si
          ricorda agli Enti che non l&apos;avessero ancora fatto di compilare la scheda referenti, indicando uno o più
          referenti dell&apos;Ente.
        </p>
        <p className="mb-0">
          <Link href="/scheda-referenti">Compila la scheda referenti</Link>
        </p>
      </Callout>
    </PublicPage>
  );
}
