import { TableScroll } from "@/components/ui/table-scroll";
import type { AttendanceRow } from "@/lib/attendance/queries";
import { minutesLabel } from "@/lib/attendance/messages";
import type { CorrectionRaw } from "@/lib/attendance/schema";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { ATTENDANCE_LABELS, ATTENDANCE_METHOD_LABELS } from "@/lib/registrations/dashboard/labels";
import { CorrectionForm } from "./correction-form";

type Props = {
  rows: AttendanceRow[];
  /** The correction action of a row, bound to it; null for a reader. */
  correct: ((registrationId: string) => FormAction<CorrectionRaw>) | null;
};

/** The confirmed registrants and their attendance; a coordinator corrects each row in place. */
export function AttendanceTable({ rows, correct }: Props) {
  if (rows.length === 0) return <p>Nessun iscritto confermato.</p>;
  return (
    <TableScroll label="Tabella delle presenze degli iscritti confermati">
      <table className="table align-top">
        <caption>Iscritti confermati e presenze registrate, in ordine di cognome</caption>
        <thead>
          <tr>
            <th scope="col">Iscritto</th>
            <th scope="col">Organizzazione</th>
            <th scope="col">Presenza</th>
            <th scope="col">Minuti</th>
            <th scope="col">Registrata</th>
            {correct ? <th scope="col">Correggi</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = `${row.firstName} ${row.lastName}`;
            return (
              <tr key={row.registrationId}>
                <th scope="row" className="fw-normal">
                  {name}
                  <br />
                  <span className="small">{row.email}</span>
                </th>
                <td>{row.organisation}</td>
                <td>{row.attendance ? <strong>{ATTENDANCE_LABELS[row.attendance.status]}</strong> : "Non registrata"}</td>
                <td>{row.attendance?.status === "PRESENT" ? minutesLabel(row.attendance.minutes) : "—"}</td>
                <td>{row.attendance ? ATTENDANCE_METHOD_LABELS[row.attendance.method] : "—"}</td>
                {correct ? (
                  <td>
                    <CorrectionForm
                      action={correct(row.registrationId)}
                      registrationId={row.registrationId}
                      name={name}
                      initial={{
                        status: row.attendance?.status ?? "",
                        minutes: row.attendance?.minutes === null || row.attendance?.minutes === undefined ? "" : String(row.attendance.minutes),
                      }}
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
