import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IssueAllForm } from "@/components/certificates/certificate-buttons";
import { PresentWithoutMinutes } from "@/components/certificates/present-without-minutes";
import { EligibleTable, IneligibleTable, IssuedTable, RevokedTable, type RowActions } from "@/components/certificates/certificate-tables";
import { ThresholdForm } from "@/components/certificates/threshold-form";
import { RegisterLinks } from "@/components/attendance/register-links";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import {
  issueAllCertificatesAction,
  issueCertificateAction,
  reissueCertificateAction,
  revokeCertificateAction,
  updateCertificateThresholdAction,
} from "@/lib/certificates/actions";
import { loadCertificatesOverview } from "@/lib/certificates/queries";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Attestati di partecipazione" };

type PageProps = { params: Promise<{ id: string }> };

export default async function CertificatesPage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const overview = await loadCertificatesOverview(db(), id);
  if (!overview) notFound();
  const { meeting, rows, meetingHasMinutes, presentWithoutMinutes } = overview;
  const base = routes.dashboard.meeting(meeting.id).page();
  const canWrite = can(user.role, "write");
  const over = meeting.endsAt <= new Date();
  const cancelled = meeting.status === "CANCELLED";
  const canIssue = canWrite && over && !cancelled;

  const issued = rows.filter((row) => row.certificate && !row.certificate.revokedAt);
  const revoked = rows.filter((row) => row.certificate?.revokedAt);
  const eligible = rows.filter((row) => !row.certificate && row.eligibility.eligible && !row.erased);
  const ineligible = rows.filter((row) => !row.certificate && (!row.eligibility.eligible || row.erased));

  const actions: RowActions = canIssue
    ? {
        issue: (registrationId) => issueCertificateAction.bind(null, meeting.id, registrationId),
        reissue: (registrationId) => reissueCertificateAction.bind(null, meeting.id, registrationId),
        revoke: (registrationId) => revokeCertificateAction.bind(null, meeting.id, registrationId),
      }
    : null;

  return (
    <>
      <nav aria-label="Percorso" className="mb-2">
        <Link href={base}>&larr; {meeting.title}</Link>
      </nav>
      <h1>Attestati di partecipazione</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />.
      </p>
      <MeetingTabs meetingId={meeting.id} current="attestati" />

      <RegisterLinks meetingId={meeting.id} />

      <section aria-labelledby="regole" className="mb-5">
        <h2 id="regole" className="h4">
          Chi riceve l&apos;attestato
        </h2>
        <p>
          Gli iscritti confermati presenti per almeno <strong>{plural(meeting.certificateMinMinutes, "minuto", "minuti")}</strong>. Chi è segnato
          presente senza minuti registrati ha i requisiti solo se nessun partecipante ha minuti registrati (ad esempio un
          incontro in presenza con il solo check-in): allora vale la durata prevista dell&apos;incontro.
          {meetingHasMinutes ? " Per questo incontro i minuti sono registrati: chi ne è privo va completato nella pagina Presenze." : ""}
        </p>
        <p>
          L&apos;attestato arriva per email con il link per scaricarlo e il codice di verifica. Il portale conserva solo
          un&apos;impronta del codice: <strong>inviare di nuovo un attestato genera un nuovo codice e il precedente smette di
          essere valido</strong>.
        </p>
        {canWrite ? <ThresholdForm action={updateCertificateThresholdAction.bind(null, meeting.id)} minutes={meeting.certificateMinMinutes} /> : null}
      </section>

      {cancelled ? <p className="alert alert-warning">La convocazione è annullata: non si rilasciano attestati.</p> : null}
      {!over && !cancelled ? (
        <p className="alert alert-info">
          L&apos;incontro non è ancora terminato: gli attestati si potranno rilasciare dopo la fine.
        </p>
      ) : null}

      {presentWithoutMinutes.length > 0 ? <PresentWithoutMinutes rows={presentWithoutMinutes} meeting={meeting} meetingHasMinutes={meetingHasMinutes} /> : null}

      <section aria-labelledby="da-rilasciare" className="mb-5">
        <h2 id="da-rilasciare" className="h4">
          Con i requisiti, senza attestato ({eligible.length})
        </h2>
        {canIssue ? <IssueAllForm action={issueAllCertificatesAction.bind(null, meeting.id)} count={eligible.length} /> : null}
        {eligible.length > 0 ? <EligibleTable rows={eligible} actions={actions} /> : <p>Nessuna persona in attesa di attestato.</p>}
      </section>

      <section aria-labelledby="rilasciati" className="mb-5">
        <h2 id="rilasciati" className="h4">
          Attestati rilasciati ({issued.length})
        </h2>
        {issued.length > 0 ? (
          <IssuedTable rows={issued} actions={actions} copyHref={(registrationId) => routes.dashboard.meeting(meeting.id).certificateCopy(registrationId)} />
        ) : (
          <p>Nessun attestato rilasciato.</p>
        )}
      </section>

      {revoked.length > 0 ? (
        <section aria-labelledby="revocati" className="mb-5">
          <h2 id="revocati" className="h4">
            Attestati revocati ({revoked.length})
          </h2>
          <RevokedTable rows={revoked} actions={actions} />
        </section>
      ) : null}

      <section aria-labelledby="senza-requisiti" className="mb-5">
        <h2 id="senza-requisiti" className="h4">
          Senza i requisiti ({ineligible.length})
        </h2>
        {ineligible.length > 0 ? <IneligibleTable rows={ineligible} threshold={meeting.certificateMinMinutes} /> : <p>Nessuno.</p>}
      </section>
    </>
  );
}
