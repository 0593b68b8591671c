import Link from "next/link";
import { Callout } from "@/components/ui/callout";
import { KIND_LABELS } from "@/lib/meetings/labels";
import type { MeetingSheetData } from "@/lib/meetings/sheet";
import type { SeatsLeft } from "@/lib/registrations/seats";
import { FundingHeader } from "./funding-header";
import { MeetingFacts } from "./meeting-facts";
import { MeetingLetter } from "./meeting-letter";
import { AgendaList, SpeakersList } from "./meeting-programme";
import { RegistrationBox } from "./registration-box";
import { routes } from "@/lib/routes";

type MeetingSheetProps = {
  meeting: MeetingSheetData;
  now: Date;
  /** The public page's title is its h1; inside the dashboard's editor the preview sits under the page's own h1. */
  titleLevel?: 1 | 2;
  /** Seats left (public page only; the editor's preview has no registrations to count). */
  seats?: SeatsLeft;
  /** Links to the letter's PDF (public page only: a draft's letter is previewed from the dashboard). */
  letterPdf?: string;
};

/**
 * The convocation as the public reads it: letterhead, facts, registration,
 * letter, speakers, agenda. The public page and the dashboard's live preview
 * both render this, so the preview is the page.
 */
export function MeetingSheet({ meeting, now, titleLevel = 1, seats, letterPdf }: MeetingSheetProps) {
  const cancelled = meeting.status === "CANCELLED";
  const ended = meeting.endsAt !== null && now >= meeting.endsAt;
  const Title = titleLevel === 1 ? "h1" : "h2";
  const { startsAt, endsAt } = meeting;

  return (
    <>
      <FundingHeader
        fundingFund={meeting.fundingFund}
        fundingLine={meeting.fundingLine}
        projectCode={meeting.projectCode}
        projectName={meeting.projectName}
      />

      <p className="text-uppercase fw-semibold small mb-1">{KIND_LABELS[meeting.kind]}</p>
      <Title className={titleLevel === 1 ? "mb-4" : "h1 mb-4"}>{meeting.title}</Title>

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
          {startsAt && endsAt ? <RegistrationBox meeting={{ ...meeting, startsAt, endsAt }} now={now} seats={seats} /> : null}
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
      {letterPdf ? (
        <p>
          <a href={letterPdf} type="application/pdf">
            Scarica la lettera di convocazione (PDF)
          </a>
        </p>
      ) : null}
      <SpeakersList speakers={meeting.speakers} />
      <AgendaList items={meeting.agendaItems} />

      <Callout title="Scheda referenti" icon="it-user">
        <p>
          Per ricevere informazioni sulle prossime iniziative del Coordinamento e partecipare ai suoi lavori, si
          ricorda agli Enti che non l&apos;avessero ancora fatto di compilare la scheda referenti, indicando uno o più
          referenti dell&apos;Ente.
        </p>
        <ul className="mb-0">
          <li>
            <Link href={routes.referentSheet()}>Compila la scheda referenti online</Link>
          </li>
          <li>
            <a href={routes.referentSheetPdf()} type="application/pdf">
              Scarica la scheda referenti da compilare (PDF)
            </a>
          </li>
        </ul>
      </Callout>
    </>
  );
}
