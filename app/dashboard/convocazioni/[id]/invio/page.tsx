import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { DispatchProgress } from "@/components/dispatch/dispatch-progress";
import { DispatchReport } from "@/components/dispatch/dispatch-report";
import { DispatchSummaryLine } from "@/components/dispatch/dispatch-summary";
import { SendConvocationForm } from "@/components/dispatch/send-convocation-form";
import { TableScroll } from "@/components/ui/table-scroll";
import { UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDashboardMeetingHeading } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { sendConvocationAction, sendConvocationToPecAction } from "@/lib/dispatch/actions";
import { AUDIENCES } from "@/lib/dispatch/audiences";
import { AUDIENCE_LABELS } from "@/lib/dispatch/labels";
import { getDispatchPreview, getDispatchProgress, getDispatchReport, getDispatchSummary, previewConvocationEmail } from "@/lib/dispatch/queries";
import { AUDIENCE_PARAM, audiencesField, audiencesFromParam } from "@/lib/dispatch/schema";
import { undeliverableAddresses } from "@/lib/email/suppression/queries";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { uuidSegment } from "@/lib/segments";

export const metadata: Metadata = { title: "Invio della convocazione" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const CHANNEL_LABELS = { PEC: "PEC", EMAIL: "Email" } as const;

export default async function DispatchPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await getDashboardMeetingHeading(db(), id);
  if (!meeting) notFound();
  const chosen = audiencesFromParam((await searchParams)[AUDIENCE_PARAM]);
  const now = new Date();
  const paths = routes.dashboard.meeting(meeting.id);

  // Every audience is counted for its checkbox; the chosen ones make the preview.
  const [{ all: counts, chosen: preview }, progress, report, summary] = await Promise.all([
    getDispatchPreview(db(), { meetingId: meeting.id, chosen }),
    getDispatchProgress(db(), meeting.id),
    getDispatchReport(db(), meeting.id),
    getDispatchSummary(db(), meeting.id),
  ]);
  const sample = preview?.toSend.find((recipient) => recipient.channel === "PEC") ?? preview?.toSend[0] ?? null;
  const [email, undeliverable] = await Promise.all([
    sample ? previewConvocationEmail(db(), { meetingId: meeting.id, recipient: sample }) : null,
    undeliverableAddresses(db(), [
      ...(preview?.toSend ?? []).map((recipient) => recipient.address),
      ...report.flatMap((group) => group.recipients.map((recipient) => recipient.address)),
    ]),
  ]);
  const sendable = meeting.status === "PUBLISHED" && meeting.endsAt > now;
  const canWrite = can(user.role, "write");

  return (
    <>
      <nav aria-label="Percorso" className="mb-2">
        <Link href={paths.page()}>&larr; {meeting.title}</Link>
      </nav>
      <h1>Invio della convocazione</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />.
      </p>
      <MeetingTabs meetingId={meeting.id} current="invio" />

      <p>
        La lettera di convocazione (PDF) e la scheda referenti vuota partono in allegato: ai Comuni con la loro PEC
        istituzionale, alle persone per email. Chi l&apos;ha già ricevuta non la riceve di nuovo.{" "}
        <a href={paths.letterPreview()} type="application/pdf">
          Lettera (PDF)
        </a>{" "}
        ·{" "}
        <a href={routes.referentSheetPdf()} type="application/pdf">
          Scheda referenti (PDF)
        </a>
      </p>
      {summary ? (
        <p>
          <strong>
            <DispatchSummaryLine summary={summary} />
          </strong>
        </p>
      ) : null}
      {meeting.status === "DRAFT" ? (
        <p className="alert alert-info">La convocazione è una bozza: pubblicala prima di inviarla.</p>
      ) : !sendable ? (
        <p className="alert alert-info">La convocazione non è pubblicata o l&apos;incontro si è già concluso: non può più essere inviata.</p>
      ) : null}
      {progress.total > 0 ? (
        <DispatchProgress key={`${progress.total}-${progress.pending}`} endpoint={paths.dispatchProgress()} pagePath={paths.dispatch()} initial={progress} />
      ) : null}

      <section aria-labelledby="destinatari" className="mt-4">
        <h2 id="destinatari">Destinatari</h2>
        <form method="get" action={paths.dispatch()} className="mb-3">
          <fieldset>
            <legend className="h6">Scegli a chi inviarla (più gruppi insieme: ogni indirizzo riceve una sola copia)</legend>
            {AUDIENCES.map((audience) => (
              <div className="form-check" key={audience}>
                <input
                  className="form-check-input"
                  type="checkbox"
                  name={AUDIENCE_PARAM}
                  value={audience}
                  id={`destinatari-${audience}`}
                  defaultChecked={chosen.includes(audience)}
                />
                <label className="form-check-label" htmlFor={`destinatari-${audience}`}>
                  {AUDIENCE_LABELS[audience]} ({counts.perAudience[audience].toLocaleString("it-IT")})
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="btn btn-outline-primary mt-2">
            Mostra l&apos;anteprima
          </button>
        </form>
        {counts.saiWithoutPec > 0 ? (
          <p className="alert alert-warning">
            {plural(counts.saiWithoutPec, "Comune aderente al SAI non ha", "Comuni aderenti al SAI non hanno")} una PEC: non
            {counts.saiWithoutPec === 1 ? " può ricevere" : " possono ricevere"} la convocazione via PEC.{" "}
            <Link href={routes.dashboard.pecImports()}>Importa le PEC da IndicePA</Link>.
          </p>
        ) : null}
      </section>

      {preview ? (
        <section aria-labelledby="anteprima" className="mt-4">
          <h2 id="anteprima">Anteprima</h2>
          <p>
            {chosen.map((audience) => `${AUDIENCE_LABELS[audience]}: ${preview.perAudience[audience].toLocaleString("it-IT")}`).join("; ")}.{" "}
            <strong>
              Totale senza indirizzi ripetuti: {plural(preview.recipients.length, "destinatario", "destinatari")}
            </strong>
            {preview.alreadyReached > 0 ? `, di cui ${preview.alreadyReached.toLocaleString("it-IT")} già raggiunti da un invio precedente` : ""}.
          </p>
          {email && sample ? (
            <>
              <dl className="row">
                <dt className="col-sm-3">Oggetto</dt>
                <dd className="col-sm-9">{email.subject}</dd>
                <dt className="col-sm-3">Allegati</dt>
                <dd className="col-sm-9">La lettera di convocazione (PDF) e la scheda referenti vuota (PDF)</dd>
                <dt className="col-sm-3">Esempio per</dt>
                <dd className="col-sm-9">
                  {sample.name} ({CHANNEL_LABELS[sample.channel]})
                </dd>
              </dl>
              <h3 className="h6">Il testo dell&apos;email</h3>
              <pre className="border p-3 bg-light mb-3" style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>
                {email.text}
              </pre>
            </>
          ) : null}

          {preview.toSend.length > 0 ? (
            <details className="mb-3">
              <summary>Elenco dei destinatari da raggiungere ({preview.toSend.length.toLocaleString("it-IT")})</summary>
              <TableScroll label="Destinatari da raggiungere">
                <table className="table table-sm">
                  <thead>
                    <tr>
                      <th scope="col">Destinatario</th>
                      <th scope="col">Indirizzo</th>
                      <th scope="col">Canale</th>
                      <th scope="col">Comune</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.toSend.map((recipient) => (
                      <tr key={recipient.address}>
                        <td>{recipient.name}</td>
                        <td>
                          {recipient.address}
                          <UndeliverableBadge reason={undeliverable.get(recipient.address)} />
                        </td>
                        <td>{CHANNEL_LABELS[recipient.channel]}</td>
                        <td>{recipient.municipalityName ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </details>
          ) : (
            <p>Tutti i destinatari scelti hanno già ricevuto la convocazione: non c&apos;è nessuno da raggiungere.</p>
          )}

          {/* Kept after the send (no one left to reach), so its message stays on the page. */}
          {canWrite && sendable ? (
            <SendConvocationForm action={sendConvocationAction.bind(null, meeting.id)} audiences={audiencesField(chosen)} recipients={preview.toSend.length} />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="esito" className="mt-5">
        <h2 id="esito">Esito per Comune</h2>
        {report.length === 0 ? (
          <p>La convocazione non è ancora stata inviata.</p>
        ) : (
          <DispatchReport
            meetingId={meeting.id}
            report={report}
            undeliverable={undeliverable}
            offerPec={canWrite && sendable ? sendConvocationToPecAction.bind(null, meeting.id) : null}
          />
        )}
      </section>
    </>
  );
}
