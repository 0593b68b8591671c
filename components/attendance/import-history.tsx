import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { AttendanceImportListItem } from "@/lib/attendance/import/queries";
import { attendanceImportPath, PLATFORM_LABELS } from "@/lib/attendance/messages";
import { plural, pluralForm } from "@/lib/platform/format/plural";

/** The meeting's uploaded reports, latest first, each with what applying it did. */
export function ImportHistory({ meetingId, imports }: { meetingId: string; imports: AttendanceImportListItem[] }) {
  if (imports.length === 0) return <p>Nessun report caricato per questa convocazione.</p>;
  return (
    <TableScroll label="Tabella dei report caricati">
      <table className="table align-top">
        <caption>Report caricati, dal più recente</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Piattaforma</th>
            <th scope="col">Caricato</th>
            <th scope="col">Partecipanti</th>
            <th scope="col">Stato</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((entry) => (
            <tr key={entry.id}>
              <th scope="row" className="fw-normal">
                <Link href={attendanceImportPath(meetingId, entry.id)}>{entry.fileName}</Link>
              </th>
              <td>{PLATFORM_LABELS[entry.platform]}</td>
              <td>
                <RomeTime date={entry.createdAt} />
                {entry.createdBy ? `, da ${entry.createdBy}` : ""}
              </td>
              <td>{entry.participants}</td>
              <td>
                {entry.appliedAt ? (
                  <>
                    Applicata il <RomeTime date={entry.appliedAt} />
                    {entry.summary ? ` (${plural(entry.summary.present, "presente", "presenti")}, ${plural(entry.summary.absent, "assente", "assenti")} ${pluralForm(entry.summary.absent, { one: "registrato", other: "registrati" })})` : null}
                  </>
                ) : (
                  "Anteprima, non applicata"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
