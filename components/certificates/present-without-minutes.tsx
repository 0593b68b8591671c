import Link from "next/link";
import { attendancePath, minutesLabel } from "@/lib/attendance/messages";
import { durationMinutes } from "@/lib/attendance/register/meeting";
import type { CertificateMeeting, CertificateRow } from "@/lib/certificates/queries";
import { pluralForm } from "@/lib/platform/format/plural";

type Props = { rows: readonly CertificateRow[]; meeting: CertificateMeeting; meetingHasMinutes: boolean };

/**
 * Before issuing: who is marked present (check-in, or by hand) with no
 * minutes. With a report imported they get no attestato until completed;
 * without one they would be credited the whole scheduled duration.
 */
export function PresentWithoutMinutes({ rows, meeting, meetingHasMinutes }: Props) {
  return (
    <section aria-labelledby="senza-minuti" className="mb-5">
      <h2 id="senza-minuti" className="h4">
        Presenti senza minuti registrati ({rows.length})
      </h2>
      <div className="alert alert-warning">
        <p className="mb-0">
          {pluralForm(rows.length, { one: "Questa persona è segnata presente", other: `Queste ${rows.length} persone sono segnate presenti` })} senza minuti
          {meetingHasMinutes
            ? `, mentre altri partecipanti li hanno: non ${pluralForm(rows.length, { one: "riceverà", other: "riceveranno" })} l'attestato finché non completi i minuti.`
            : `: se rilasci gli attestati ora, ${pluralForm(rows.length, { one: "le", other: "a ciascuna" })} sarà riconosciuta la durata prevista dell'incontro (${minutesLabel(durationMinutes(meeting))}).`}{" "}
          Importa il report della piattaforma o correggi i minuti nella pagina <Link href={attendancePath(meeting.id)}>Presenze</Link>.
        </p>
      </div>
      <ul>
        {rows.map((row) => (
          <li key={row.registrationId}>
            {row.lastName} {row.firstName}
            {row.organisation ? ` (${row.organisation})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
