import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { OffsetsForm } from "@/components/join-link/offsets-form";
import { SendNowForm } from "@/components/join-link/send-now-form";
import { SendProgress } from "@/components/join-link/send-progress";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDashboardMeetingHeading } from "@/lib/dashboard/queries";
import { sendJoinLinkNowAction, updateJoinLinkOffsetsAction } from "@/lib/join-link/actions";
import { getJoinLinkOverview, getJoinLinkProgress, type PlannedSend } from "@/lib/join-link/queries";
import { describeOffset, describeSend, offsetsFormValues, UNAVAILABLE_MESSAGES } from "@/lib/join-link/schema";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Link di collegamento" };

type PageProps = { params: Promise<{ id: string }> };

const PLANNED_STATE: Record<PlannedSend["state"], string> = {
  sent: "inviato",
  due: "in partenza entro un minuto",
  planned: "programmato",
  skipped: "non inviato (l'incontro era già iniziato)",
};

export default async function JoinLinkPage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await getDashboardMeetingHeading(db(), id);
  if (!meeting) notFound();
  const now = new Date();
  const [overview, progress] = await Promise.all([getJoinLinkOverview(db(), { meetingId: meeting.id, now }), getJoinLinkProgress(db(), meeting.id)]);
  if (!overview) notFound();
  const path = routes.dashboard.meeting(meeting.id).joinLink();
  const writer = can(user.role, "write");
  const { unavailable, planned, sends, confirmed } = overview;

  return (
    <>
      <nav aria-label="Percorso" className="mb-2">
        <Link href={routes.dashboard.meeting(meeting.id).page()}>&larr; {meeting.title}</Link>
      </nav>
      <h1>Link di collegamento</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />.
      </p>
      <MeetingTabs meetingId={meeting.id} current="link" />
      <p>
        Il link di collegamento è riservato: arriva per email solo agli iscritti confermati, agli orari scelti qui sotto
        o subito con «Invia ora». Se il link cambia dopo un invio, tutti i confermati ricevono quello nuovo con
        l&apos;oggetto «Link aggiornato».
      </p>

      <section aria-labelledby="link-attuale" className="mt-4">
        <h2 id="link-attuale">Link attuale</h2>
        {!overview.joinUrl ? (
          <p>Nessun link impostato: aggiungilo da «Modifica».</p>
        ) : writer ? (
          <p>
            <a href={overview.joinUrl} className="text-break" target="_blank" rel="noreferrer">
              {overview.joinUrl}
            </a>{" "}
            (versione {overview.meeting.joinUrlVersion + 1}). Si cambia da «Modifica».
          </p>
        ) : (
          <p>Impostato (versione {overview.meeting.joinUrlVersion + 1}): lo vedono solo i coordinatori.</p>
        )}
      </section>

      {unavailable ? (
        <p className="alert alert-warning" role="note">
          <strong>Nessun invio possibile.</strong> {UNAVAILABLE_MESSAGES[unavailable]}
        </p>
      ) : null}

      <section aria-labelledby="invia-ora" className="mt-4">
        <h2 id="invia-ora">Invia ora</h2>
        {unavailable ? (
          <p>Quando il link potrà essere inviato, qui comparirà il pulsante «Invia ora».</p>
        ) : !writer ? (
          <p>Il tuo profilo consente solo la consultazione: l&apos;invio è riservato ai coordinatori.</p>
        ) : confirmed === 0 ? (
          <p>Non ci sono ancora iscritti confermati a cui inviare il link.</p>
        ) : (
          <SendNowForm action={sendJoinLinkNowAction.bind(null, meeting.id)} confirmed={confirmed} />
        )}
        {progress.sendId ? (
          <SendProgress key={progress.sendId} endpoint={routes.dashboard.meeting(meeting.id).joinLinkProgress()} pagePath={path} initial={progress} />
        ) : null}
      </section>

      <section aria-labelledby="programmati" className="mt-5">
        <h2 id="programmati">Invii programmati</h2>
        {planned.length === 0 ? (
          <p>Nessun invio programmato: il link parte solo con «Invia ora».</p>
        ) : (
          <ul>
            {planned.map((item) => (
              <li key={item.offsetMinutes}>
                <strong>{describeOffset(item.offsetMinutes)}</strong>: <RomeTime date={item.at} /> —{" "}
                {unavailable && item.state !== "sent" ? "non previsto finché l'invio non è possibile" : PLANNED_STATE[item.state]}
              </li>
            ))}
          </ul>
        )}
        {writer ? (
          <>
            <h3 className="h5 mt-4">Modifica gli orari di invio</h3>
            <OffsetsForm
              action={updateJoinLinkOffsetsAction.bind(null, meeting.id)}
              initial={offsetsFormValues(overview.meeting.offsets)}
              saved={overview.meeting.offsets.length}
            />
          </>
        ) : null}
      </section>

      <section aria-labelledby="invii" className="mt-5">
        <h2 id="invii">Invii effettuati</h2>
        {sends.length === 0 ? (
          <p>Il link non è ancora stato inviato.</p>
        ) : (
          <TableScroll label="Invii del link di collegamento">
            <table className="table table-sm align-middle">
              <caption>Invii del link di collegamento, dal più recente ({sends.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Tipo</th>
                  <th scope="col">Versione del link</th>
                  <th scope="col">Quando</th>
                  <th scope="col" className="text-end">
                    Destinatari
                  </th>
                  <th scope="col" className="text-end">
                    Inviate
                  </th>
                  <th scope="col" className="text-end">
                    Non inviate
                  </th>
                  <th scope="col" className="text-end">
                    In attesa
                  </th>
                </tr>
              </thead>
              <tbody>
                {sends.map((send) => (
                  <tr key={send.id}>
                    <th scope="row">
                      {describeSend(send)}
                      {send.createdBy ? <span className="d-block small fw-normal">da {send.createdBy}</span> : null}
                    </th>
                    <td>{send.joinUrlVersion + 1}</td>
                    <td>
                      <RomeTime date={send.startedAt} />
                    </td>
                    <td className="text-end">{send.recipients}</td>
                    <td className="text-end">{send.sent}</td>
                    <td className="text-end">{send.failed}</td>
                    <td className="text-end">{send.pending}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
