import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApplyImportForm } from "@/components/attendance/apply-import-form";
import { attendanceText, OUTCOME_LABELS } from "@/components/attendance/attendance-text";
import { ImportTotals, ManualList, MatchedTable, MissingList, UnmatchedTable } from "@/components/attendance/import-preview";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { applyAttendanceImportAction } from "@/lib/attendance/actions";
import { planAttendance } from "@/lib/attendance/import/plan";
import { buildPreview } from "@/lib/attendance/import/preview";
import { getAttendanceImport, loadPlanRegistrants } from "@/lib/attendance/import/queries";
import { attendancePath, PLATFORM_LABELS } from "@/lib/attendance/messages";
import { attendanceIdSchema } from "@/lib/attendance/schema";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { db } from "@/lib/db";

type PageProps = { params: Promise<{ id: string; importId: string }> };

const loadImport = cache((meetingId: string, importId: string) =>
  attendanceIdSchema.safeParse(meetingId).success && attendanceIdSchema.safeParse(importId).success
    ? getAttendanceImport(db(), { meetingId, importId })
    : Promise.resolve(null),
);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await guardPage("read");
  const { id, importId } = await params;
  uuidSegment(id);
  uuidSegment(importId);
  const found = await loadImport(id, importId);
  return { title: found ? `Importazione delle presenze da ${found.fileName}` : "Importazione non trovata" };
}

export default async function AttendanceImportPage({ params }: PageProps) {
  const user = await guardPage("read");
  const { id, importId } = await params;
  uuidSegment(id);
  uuidSegment(importId);
  const found = await loadImport(id, importId);
  if (!found) notFound();
  const back = (
    <p className="small mb-1">
      <Link href={attendancePath(found.meetingId)}>Torna alle presenze</Link>
    </p>
  );
  const uploaded = (
    <>
      Report di {PLATFORM_LABELS[found.platform]} con {plural(found.participants.length, "partecipante", "partecipanti")},
      caricato il <RomeTime date={found.createdAt} />
      {found.createdBy ? ` da ${found.createdBy}` : ""}.
    </>
  );

  if (found.appliedAt) {
    const summary = found.summary;
    return (
      <>
        {back}
        <h1>Importazione delle presenze da {found.fileName}</h1>
        <p className="lead">{uploaded}</p>
        <div className="alert alert-info" role="status">
          Importazione applicata il <RomeTime date={found.appliedAt} />
          {found.appliedBy ? ` da ${found.appliedBy}` : ""}
          {summary
            ? `: ${plural(summary.present, "presenza", "presenze")} e ${plural(summary.absent, "assenza", "assenze")} registrate, ${plural(summary.unchanged, "già registrata così", "già registrate così")}, ${plural(summary.keptManual, "correzione manuale mantenuta", "correzioni manuali mantenute")}, ${plural(summary.overwritten, "sostituita", "sostituite")}; ${plural(summary.unmatched, "riga non riconosciuta", "righe non riconosciute")} e ${plural(summary.unresolved, "non scelta ignorata", "non scelte ignorate")}.`
            : "."}
        </div>
        {summary && summary.changes.length > 0 ? (
          <TableScroll label="Tabella dei cambiamenti dell'importazione">
            <table className="table align-top">
              <caption>Iscritti la cui presenza l&apos;importazione ha registrato o mantenuto</caption>
              <thead>
                <tr>
                  <th scope="col">Iscritto</th>
                  <th scope="col">Dal report</th>
                  <th scope="col">Esito</th>
                </tr>
              </thead>
              <tbody>
                {summary.changes.map((change) => (
                  <tr key={change.registrationId}>
                    <th scope="row" className="fw-normal">
                      {change.name}
                    </th>
                    <td>{attendanceText({ status: change.status, minutes: change.minutes, method: "PLATFORM_REPORT" })}</td>
                    <td>{change.outcome === "set" ? "Registrata" : OUTCOME_LABELS[change.outcome]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </>
    );
  }

  const registrants = await loadPlanRegistrants(db(), found.meetingId);
  const plan = planAttendance(found.participants, registrants, { choices: new Map(), markAbsent: false, overwriteManual: false });
  const preview = buildPreview(plan, registrants);
  const sections = {
    matched: (
      <section aria-labelledby="riconosciute" className="mt-4">
        <h2 id="riconosciute" className="h4">
          Riconosciute ({preview.matched.length})
        </h2>
        <MatchedTable rows={preview.matched} />
      </section>
    ),
    unmatched: (
      <section aria-labelledby="non-riconosciute" className="mt-4">
        <h2 id="non-riconosciute" className="h4">
          Non riconosciute ({preview.unmatched.length})
        </h2>
        <UnmatchedTable rows={preview.unmatched} />
      </section>
    ),
    missing: <MissingList preview={preview} />,
    manual: <ManualList preview={preview} />,
  };

  return (
    <>
      {back}
      <h1>Anteprima dell&apos;importazione delle presenze da {found.fileName}</h1>
      <p className="lead">{uploaded} Nulla è ancora cambiato: ecco che cosa farebbe l&apos;importazione con le iscrizioni di adesso.</p>
      <ImportTotals preview={preview} />
      {can(user.role, "write") ? (
        <ApplyImportForm
          action={applyAttendanceImportAction.bind(null, found.meetingId, found.id)}
          ambiguous={preview.ambiguous}
          missing={preview.missing.length}
          manual={preview.manual.length}
          sections={sections}
        />
      ) : (
        <>
          <p>Il tuo profilo consente di vedere l&apos;anteprima, non di applicarla.</p>
          {sections.matched}
          {sections.unmatched}
          <section aria-labelledby="da-scegliere" className="mt-4">
            <h2 id="da-scegliere" className="h4">
              Da scegliere ({preview.ambiguous.length})
            </h2>
            <ul>
              {preview.ambiguous.map((row) => (
                <li key={row.index}>
                  {row.name}: {row.candidates.map((candidate) => `${candidate.name} (${candidate.email})`).join(" oppure ")}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
