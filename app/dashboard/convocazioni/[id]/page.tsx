import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { CancelMeetingForm } from "@/components/dashboard/meetings/cancel-meeting-form";
import { MeetingStatusBadge } from "@/components/dashboard/meetings/meeting-status-badge";
import { StatusActionForm } from "@/components/dashboard/meetings/status-action-form";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { stripInlineMarkdown } from "@/lib/platform/format/text";
import {
  archiveMeetingAction,
  cancelMeetingAction,
  duplicateMeetingAction,
  publishMeetingAction,
  unpublishMeetingAction,
} from "@/lib/meetings/actions";
import { meetingOutcome } from "@/lib/meetings/admin-messages";
import { describeMode, KIND_LABELS } from "@/lib/meetings/labels";
import { getDashboardMeeting, type DashboardMeeting } from "@/lib/meetings/queries";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";
import { dispatchSummaryText } from "@/components/dispatch/dispatch-summary";
import { getDispatchSummary, type DispatchSummary } from "@/lib/dispatch/queries";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ esito?: string | string[] }>;
};

const loadMeeting = cache((id: string) => getDashboardMeeting(db(), id));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  // Metadata renders beside the page, not after it: it needs its own guard.
  await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await loadMeeting(id);
  return { title: meeting ? meeting.title : "Convocazione non trovata" };
}

const WINDOW_LABELS = {
  open: "aperte",
  "not-yet-open": "non ancora aperte",
  closed: "chiuse",
  cancelled: "chiuse (convocazione annullata)",
} as const;

function Registrations({ meeting, now }: { meeting: DashboardMeeting; now: Date }) {
  if (meeting.status === "DRAFT") return <>Non ancora aperte: la convocazione è una bozza</>;
  return <>{WINDOW_LABELS[registrationWindow(meeting, now).state]}</>;
}

function Facts({ meeting, now, dispatch }: { meeting: DashboardMeeting; now: Date; dispatch: DispatchSummary | null }) {
  const venue = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  return (
    <dl className="meeting-facts mb-5">
      <dt>Stato</dt>
      <dd>
        <MeetingStatusBadge status={meeting.status} />
        {meeting.publishedAt && meeting.status !== "DRAFT" ? (
          <span className="ms-2">
            pubblicata il <RomeTime date={meeting.publishedAt} />
          </span>
        ) : null}
      </dd>
      {meeting.status === "CANCELLED" ? (
        <>
          <dt>Annullamento</dt>
          <dd>
            {meeting.cancelledAt ? <RomeTime date={meeting.cancelledAt} /> : null}
            {meeting.cancellationReason ? ` - ${meeting.cancellationReason}` : null}
          </dd>
        </>
      ) : null}
      <dt>Tipo</dt>
      <dd>{KIND_LABELS[meeting.kind]}</dd>
      <dt>Data e ora</dt>
      <dd>{meeting.datesPending ? "Da definire: indicale in «Modifica» prima di pubblicare" : <RomeTime date={meeting.startsAt} end={meeting.endsAt} />}</dd>
      <dt>Modalità</dt>
      <dd>{describeMode(meeting)}</dd>
      {venue ? (
        <>
          <dt>Luogo</dt>
          <dd>{venue}</dd>
        </>
      ) : null}
      {meeting.mode !== "IN_PERSON" ? (
        <>
          <dt>Link di collegamento</dt>
          <dd>
            {meeting.joinUrl
              ? "Impostato: lo ricevono solo gli iscritti confermati"
              : "Non ancora impostato: aggiungilo dalla modifica prima dell'incontro"}
          </dd>
        </>
      ) : null}
      <dt>Iscritti</dt>
      <dd>
        {plural(meeting.confirmed, "confermato", "confermati")}{meeting.capacity ? ` su ${plural(meeting.capacity, "posto", "posti")}` : ", senza limite di posti"}
        {meeting.waitlisted > 0 ? `, ${meeting.waitlisted} in lista d'attesa` : ""}
      </dd>
      <dt>Iscrizioni</dt>
      <dd>
        <Registrations meeting={meeting} now={now} />
        {meeting.registrationOpensAt ? (
          <div className="small">
            Apertura: <RomeTime date={meeting.registrationOpensAt} />
          </div>
        ) : null}
        {meeting.datesPending && !meeting.registrationClosesAt ? null : (
          <div className="small">
            Chiusura: <RomeTime date={meeting.registrationClosesAt ?? meeting.startsAt} />
          </div>
        )}
      </dd>
      <dt>Pagina pubblica</dt>
      <dd>
        {meeting.status === "DRAFT" ? (
          <>Nessuna finché è una bozza (sarà /convocazioni/{meeting.slug})</>
        ) : (
          <Link href={routes.public.meeting(meeting.slug).page()}>/convocazioni/{meeting.slug}</Link>
        )}
      </dd>
      <dt>Lettera di convocazione</dt>
      <dd>
        <a href={routes.dashboard.meeting(meeting.id).letterPreview()} type="application/pdf">
          {meeting.status === "DRAFT" ? "Anteprima della lettera (PDF)" : "Lettera (PDF)"}
        </a>
      </dd>
      <dt>Invio della convocazione</dt>
      <dd>
        {dispatch ? dispatchSummaryText(dispatch) : meeting.status === "DRAFT" ? "Dopo la pubblicazione, via PEC ai Comuni ed email ai referenti" : "Non ancora inviata"}{" "}
        {meeting.status !== "DRAFT" ? <Link href={routes.dashboard.meeting(meeting.id).dispatch()}>{dispatch ? "Esito per Comune" : "Invia la convocazione"}</Link> : null}
      </dd>
      {meeting.protocolNumber ? (
        <>
          <dt>Protocollo</dt>
          <dd>{meeting.protocolNumber}</dd>
        </>
      ) : null}
      <dt>Oggetto</dt>
      <dd>{stripInlineMarkdown(meeting.subject)}</dd>
      <dt>Programma</dt>
      <dd>
        {plural(meeting.speakers.length, "relatore", "relatori")},{" "}
        {plural(meeting.agendaItems.length, "tema", "temi")}
      </dd>
    </dl>
  );
}

export default async function MeetingSummaryPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await loadMeeting(id);
  if (!meeting) notFound();
  const { esito } = await searchParams;
  const outcome = meetingOutcome(Array.isArray(esito) ? esito[0] : esito);
  const canWrite = can(user.role, "write");
  const now = new Date();
  const ended = now >= meeting.endsAt;
  const registrants = meeting.confirmed + meeting.waitlisted;
  const editable = meeting.status === "DRAFT" || meeting.status === "PUBLISHED";
  const dispatch = await getDispatchSummary(db(), meeting.id);

  return (
    <>
      <p className="small mb-1">
        <Link href={routes.dashboard.meetings()}>Torna alle convocazioni</Link>
      </p>
      <p className="text-uppercase fw-semibold small mb-1">{KIND_LABELS[meeting.kind]}</p>
      <h1 className="mb-3">{meeting.title}</h1>
      <div role="status">
        {outcome ? (
          <div className="alert alert-success mb-4">
            <p className="mb-0">{outcome}</p>
          </div>
        ) : null}
      </div>
      <MeetingTabs meetingId={meeting.id} current="riepilogo" />

      <div className="row">
        <div className="col-lg-7">
          <h2 className="h4">Riepilogo</h2>
          <Facts meeting={meeting} now={now} dispatch={dispatch} />
        </div>

        {canWrite ? (
          <div className="col-lg-5">
            <section aria-labelledby="azioni" className="mb-5">
              <h2 id="azioni" className="h4">
                Azioni
              </h2>
              {editable ? (
                <p className="mb-4">
                  <Link className="btn btn-primary" href={routes.dashboard.meeting(meeting.id).edit()}>
                    Modifica la convocazione
                  </Link>
                </p>
              ) : null}
              {meeting.status === "DRAFT" ? (
                <StatusActionForm
                  id="pubblica"
                  action={publishMeetingAction.bind(null, meeting.id)}
                  label="Pubblica"
                  variant="primary"
                  description="La pagina diventa pubblica, compare tra le convocazioni e, nella finestra prevista, accetta iscrizioni."
                />
              ) : null}
              {meeting.status === "PUBLISHED" && registrants === 0 ? (
                <StatusActionForm
                  id="ritira"
                  action={unpublishMeetingAction.bind(null, meeting.id)}
                  label="Riporta in bozza"
                  description="Nessuno si è ancora iscritto: la pagina smette di essere pubblica finché non la pubblichi di nuovo."
                />
              ) : null}
              {meeting.status === "PUBLISHED" && registrants > 0 && !ended ? (
                <p className="mb-4">
                  Ci sono persone iscritte: la convocazione non può più tornare bozza. Se l&apos;incontro non si terrà,
                  annullalo qui sotto: gli iscritti saranno avvisati.
                </p>
              ) : null}
              <StatusActionForm
                id="duplica"
                action={duplicateMeetingAction.bind(null, meeting.id)}
                label="Duplica"
                description="Crea una nuova bozza con lo stesso testo, i relatori e i temi, da adattare al prossimo incontro. Date, iscrizioni, finestra delle iscrizioni, numero di protocollo e link di collegamento non vengono copiati."
              />
              {(meeting.status === "PUBLISHED" && ended) || meeting.status === "CANCELLED" ? (
                <StatusActionForm
                  id="archivia"
                  action={archiveMeetingAction.bind(null, meeting.id)}
                  label="Archivia"
                  description="Toglie la convocazione dagli incontri in programma; la pagina resta consultabile tra quelli passati."
                />
              ) : null}
            </section>
          </div>
        ) : null}
      </div>

      {canWrite && meeting.status === "PUBLISHED" && !ended ? (
        <section aria-labelledby="annullamento" className="callout danger mb-5">
          <h2 id="annullamento" className="callout-title">
            Annulla la convocazione
          </h2>
          <CancelMeetingForm action={cancelMeetingAction.bind(null, meeting.id)} registrants={registrants} />
        </section>
      ) : null}
    </>
  );
}
