import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { PendingSheet } from "@/lib/referents/sheets/queries";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";

/** The schede waiting for a coordinator, oldest first. */
export function PendingSheetsTable({ sheets }: { sheets: readonly PendingSheet[] }) {
  if (sheets.length === 0) return <p>Nessuna scheda da verificare.</p>;
  return (
    <TableScroll label="Tabella delle schede da verificare">
      <table className="table align-top">
        <caption>Schede referenti da verificare ({sheets.length}), dalla meno recente</caption>
        <thead>
          <tr>
            <th scope="col">Comune</th>
            <th scope="col">Compilata da</th>
            <th scope="col">Inviata</th>
            <th scope="col">Referenti</th>
            <th scope="col">Azioni</th>
          </tr>
        </thead>
        <tbody>
          {sheets.map((sheet) => (
            <tr key={sheet.id}>
              <th scope="row" className="fw-normal">
                <span className="fw-semibold">{sheet.municipality.name}</span>
                <div className="small">Provincia di {sheet.municipality.provinceName}</div>
              </th>
              <td>
                {sheet.officerFirstName} {sheet.officerLastName}
                {sheet.officerRoleTitle ? <div className="small">{sheet.officerRoleTitle}</div> : null}
              </td>
              <td>
                <RomeTime date={sheet.submittedAt} />
                {sheet.submissions > 1 ? <div className="small">inviata {plural(sheet.submissions, "volta", "volte")}</div> : null}
              </td>
              <td>{sheet._count.entries}</td>
              <td>
                <Link href={routes.dashboard.referentSheet(sheet.id)}>
                  Esamina<span className="visually-hidden"> la scheda del Comune di {sheet.municipality.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
