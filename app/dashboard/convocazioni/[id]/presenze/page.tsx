import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttendanceTable } from "@/components/attendance/attendance-table";
import { ImportHistory } from "@/components/attendance/import-history";
import { ReportUploadForm } from "@/components/attendance/report-upload-form";
import { RegisterLinks } from "@/components/attendance/register-links";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { correctAttendanceAction } from "@/lib/attendance/actions";
import { listAttendanceImports } from "@/lib/attendance/import/queries";
import { isPlatform, isUploadErrorCode, uploadErrorMessage } from "@/lib/attendance/messages";
import { listMeetingAttendance } from "@/lib/attendance/queries";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDashboardMeetingHeading } from "@/lib/dashboard/queries";
import { param, type SearchParams } from "@/lib/platform/forms/search-params";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Presenze" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function uploadError(params: SearchParams): string | undefined {
  const code = param(params, "errore");
  if (!isUploadErrorCode(code)) return undefined;
  const platform = param(params, "piattaforma");
  return uploadErrorMessage(code, isPlatform(platform) ? platform : undefined);
}

export default async function AttendancePage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await getDashboardMeetingHeading(db(), id);
  if (!meeting) notFound();
  const query = await searchParams;
  const [rows, imports] = await Promise.all([listMeetingAttendance(db(), meeting.id), listAttendanceImports(db(), meeting.id)]);
  const canWrite = can(user.role, "write");
  const applied = imports.find((entry) => entry.id === param(query, "applicata") && entry.summary);
  const present = rows.filter((row) => row.attendance?.status === "PRESENT").length;
  const absent = rows.filter((row) => row.attendance?.status === "ABSENT").length;

  return (
    <>
      <nav aria-label="Percorso" className="mb-2">
        <Link href={routes.dashboard.meeting(meeting.id).page()}>&larr; {meeting.title}</Link>
      </nav>
      <h1>Presenze</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />.
      </p>
      <MeetingTabs meetingId={meeting.id} current="presenze" />
      {applied?.summary ? (
        <div className="alert alert-success" role="status">
          Importazione di {applied.fileName} applicata: {plural(applied.summary.present, "presenza", "presenze")} e{" "}
          {plural(applied.summary.absent, "assenza", "assenze")} registrate, {plural(applied.summary.unchanged, "già registrata così", "già registrate così")},{" "}
          {plural(applied.summary.keptManual, "correzione manuale mantenuta", "correzioni manuali mantenute")}.
        </div>
      ) : null}
      <p>
        <strong>
          {plural(present, "presente", "presenti")} e {plural(absent, "assente", "assenti")} su {plural(rows.length, "iscritto confermato", "iscritti confermati")}
        </strong>
        ; {rows.length - present - absent} senza presenza registrata.
      </p>

      <RegisterLinks meetingId={meeting.id} />

      <section aria-labelledby="carica" className="mt-4">
        <h2 id="carica">Importa il report della piattaforma</h2>
        <p>
          Carica il report dei partecipanti esportato da Zoom, Microsoft Teams o Google Meet: prima di cambiare qualcosa vedrai
          chi è stato riconosciuto (per email, poi per nome e cognome in qualsiasi ordine), chi no e chi va scelto tra più
          iscritti con lo stesso nome. I minuti di chi si è ricollegato si sommano.
        </p>
        {canWrite ? (
          <ReportUploadForm action={routes.dashboard.meeting(meeting.id).attendanceUpload()} error={uploadError(query)} platform={param(query, "piattaforma")} />
        ) : (
          <p>Il tuo profilo consente di consultare le presenze, non di importarle o correggerle.</p>
        )}
      </section>

      <section aria-labelledby="importazioni" className="mt-4">
        <h2 id="importazioni">Report caricati</h2>
        <ImportHistory meetingId={meeting.id} imports={imports} />
      </section>

      <section aria-labelledby="iscritti" className="mt-4">
        <h2 id="iscritti">Presenze degli iscritti confermati</h2>
        {canWrite ? (
          <p>
            Per correggere una presenza scegli presente o assente, scrivi i minuti e salva: la correzione è registrata a mano e
            un&apos;importazione successiva la mantiene, salvo che tu scelga di sovrascriverla.
          </p>
        ) : null}
        <AttendanceTable rows={rows} correct={canWrite ? (registrationId) => correctAttendanceAction.bind(null, meeting.id, registrationId) : null} />
      </section>
    </>
  );
}
