import type { Metadata } from "next";
import Link from "next/link";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { notFound } from "next/navigation";
import { CoverageList, CoverageSummaryTable } from "@/components/coverage/coverage-lists";
import { ReminderProgress } from "@/components/coverage/reminder-progress";
import { SendRemindersForm } from "@/components/coverage/send-reminders-form";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { sendCoverageRemindersAction } from "@/lib/coverage/actions";
import { FULL_MEETING_NOTICE } from "@/lib/coverage/constants";
import { coverageSentence } from "@/lib/coverage/figures";
import { getMeetingCoverage, getReminderProgress } from "@/lib/coverage/queries";
import { undeliverableAddresses } from "@/lib/email/suppression/queries";
import { getDashboardMeetingHeading } from "@/lib/dashboard/queries";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { seatsLeft } from "@/lib/registrations/queries";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Copertura dei Comuni SAI" };

type PageProps = { params: Promise<{ id: string }> };

export default async function CoveragePage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await getDashboardMeetingHeading(db(), id);
  if (!meeting) notFound();
  const now = new Date();
  const [coverage, progress, seats] = await Promise.all([
    getMeetingCoverage(db(), meeting.id),
    getReminderProgress(db(), { meetingId: meeting.id, now }),
    seatsLeft(db(), meeting.slug),
  ]);
  const path = routes.dashboard.meeting(meeting.id).coverage();
  const { totals } = coverage;
  const toRemind = coverage.provinces.flatMap((province) => province.municipalities.filter((m) => m.state === "REFERENT_ONLY"));
  const referentEmails = new Set(toRemind.flatMap((municipality) => municipality.referents.map((referent) => referent.email)));
  const undeliverable = await undeliverableAddresses(db(), [...referentEmails]);
  const open = registrationWindow(meeting, now).state === "open";

  return (
    <>
      <nav aria-label="Percorso" className="mb-2">
        <Link href={routes.dashboard.meeting(meeting.id).page()}>&larr; {meeting.title}</Link>
      </nav>
      <h1>Copertura dei Comuni aderenti al SAI</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />.
      </p>
      <MeetingTabs meetingId={meeting.id} current="copertura" />
      <p>
        <strong>{coverageSentence(totals).headline}</strong> {coverageSentence(totals).rest}
      </p>
      <CoverageSummaryTable coverage={coverage} />

      <section aria-labelledby="mancanti" className="mt-5">
        <h2 id="mancanti">Senza iscritti né referenti ({totals.missing})</h2>
        <p>
          Per questi Comuni non c&apos;è nessun referente a cui scrivere: la convocazione pubblica invita gli Enti a inviare la
          scheda referenti.
        </p>
        <CoverageList provinces={coverage.provinces} state="MISSING" empty="Nessun Comune in questa situazione." />
      </section>

      <section aria-labelledby="solo-referente" className="mt-5">
        <h2 id="solo-referente">Con referente ma senza iscrizioni ({totals.referentOnly})</h2>
        {can(user.role, "write") && toRemind.length > 0 ? (
          open && seats === 0 ? (
            <p className="alert alert-info">{FULL_MEETING_NOTICE}</p>
          ) : open ? (
            <SendRemindersForm
              action={sendCoverageRemindersAction.bind(null, meeting.id)}
              referents={referentEmails.size}
              municipalities={toRemind.length}
            />
          ) : (
            <p className="alert alert-info">Le iscrizioni non sono aperte: non è possibile inviare promemoria.</p>
          )
        ) : null}
        {progress.total > 0 ? (
          <ReminderProgress
            key={`${progress.total}-${progress.pending}`}
            endpoint={routes.dashboard.meeting(meeting.id).coverageProgress()}
            pagePath={path}
            initial={progress}
          />
        ) : null}
        <CoverageList provinces={coverage.provinces} state="REFERENT_ONLY" empty="Nessun Comune in questa situazione." undeliverable={undeliverable} />
      </section>

      <section aria-labelledby="iscritti" className="mt-5">
        <h2 id="iscritti">Con almeno un iscritto ({totals.registered})</h2>
        <CoverageList provinces={coverage.provinces} state="REGISTERED" empty="Nessun Comune SAI si è ancora iscritto." />
      </section>
    </>
  );
}
