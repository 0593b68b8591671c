import { TableScroll } from "@/components/ui/table-scroll";
import type { MatchedRow, Preview, PreviewRow } from "@/lib/attendance/import/preview";
import { minutesLabel } from "@/lib/attendance/messages";
import { attendanceText, OUTCOME_LABELS } from "./attendance-text";

function ReportCell({ row }: { row: PreviewRow }) {
  return (
    <>
      {row.name || <span className="fst-italic">senza nome</span>}
      {row.altName ? <span className="small"> (nome originale: {row.altName})</span> : null}
      {row.email ? (
        <>
          <br />
          <span className="small">{row.email}</span>
        </>
      ) : null}
    </>
  );
}

const sessionsText = (row: PreviewRow) => (row.sessions > 1 ? ` in ${row.sessions} collegamenti` : "");

function outcomeText(row: MatchedRow): string {
  if (row.outcome === "keep-manual") return `${OUTCOME_LABELS[row.outcome]} (${attendanceText(row.current)})`;
  if (row.outcome === "unchanged") return OUTCOME_LABELS.unchanged;
  return attendanceText(row.after);
}

export function MatchedTable({ rows }: { rows: MatchedRow[] }) {
  if (rows.length === 0) return <p>Nessuna riga riconosciuta.</p>;
  return (
    <TableScroll label="Tabella delle righe riconosciute">
      <table className="table align-top">
        <caption>Righe del report riconosciute: l&apos;iscritto sarà segnato presente con i minuti del report</caption>
        <thead>
          <tr>
            <th scope="col">Nel report</th>
            <th scope="col">Minuti</th>
            <th scope="col">Iscritto</th>
            <th scope="col">Riconosciuto per</th>
            <th scope="col">Esito</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index}>
              <th scope="row" className="fw-normal">
                <ReportCell row={row} />
              </th>
              <td>
                {minutesLabel(row.minutes)}
                {sessionsText(row)}
              </td>
              <td>
                {row.registration.name}
                <br />
                <span className="small">{row.registration.email}</span>
              </td>
              <td>{row.by === "email" ? "Email" : "Nome e cognome"}</td>
              <td>{outcomeText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function UnmatchedTable({ rows }: { rows: PreviewRow[] }) {
  if (rows.length === 0) return <p>Ogni riga del report corrisponde a un iscritto.</p>;
  return (
    <TableScroll label="Tabella delle righe non riconosciute">
      <table className="table align-top">
        <caption>Righe del report senza iscrizione corrispondente: saranno ignorate</caption>
        <thead>
          <tr>
            <th scope="col">Nel report</th>
            <th scope="col">Minuti</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.index}>
              <th scope="row" className="fw-normal">
                <ReportCell row={row} />
              </th>
              <td>
                {minutesLabel(row.minutes)}
                {sessionsText(row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function MissingList({ preview }: { preview: Preview }) {
  if (preview.missing.length === 0) return <p>Ogni iscritto confermato ha una riga nel report.</p>;
  return (
    <ul>
      {preview.missing.map((target) => (
        <li key={target.registrant.id}>
          {target.registrant.firstName} {target.registrant.lastName} ({target.registrant.email}): ora{" "}
          {attendanceText(target.registrant.attendance, true).toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

export function ManualList({ preview }: { preview: Preview }) {
  return (
    <ul>
      {preview.manual.map((target) => (
        <li key={target.registrant.id}>
          {target.registrant.firstName} {target.registrant.lastName}: registrata{" "}
          {attendanceText(target.registrant.attendance, true).toLowerCase()}; il report la farebbe diventare{" "}
          {attendanceText(target.after).toLowerCase()}
          {target.absentOnly ? " (solo se segni assenti gli altri iscritti confermati)" : ""}
        </li>
      ))}
    </ul>
  );
}

export function ImportTotals({ preview }: { preview: Preview }) {
  const entries: [string, number][] = [
    ["Righe riconosciute", preview.matched.length],
    ["Righe da scegliere", preview.ambiguous.length],
    ["Righe non riconosciute", preview.unmatched.length],
    ["Iscritti confermati senza riga", preview.missing.length],
  ];
  return (
    <dl className="row">
      {entries.map(([label, value]) => (
        <div className="col-6 col-md-3" key={label}>
          <dt>{label}</dt>
          <dd className="h4">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
