import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { ReviewedSheet } from "@/lib/referents/sheets/queries";
import { SheetStatusBadge } from "./referent-status-badge";
import { routes } from "@/lib/routes";

/** The latest approved or rejected schede, to find an outcome again. */
export function ReviewedSheetsTable({ sheets }: { sheets: readonly ReviewedSheet[] }) {
  if (sheets.length === 0) return <p>Nessuna scheda esaminata finora.</p>;
  return (
    <TableScroll label="Tabella delle schede esaminate di recente">
      <table className="table align-top">
        <caption>Ultime schede esaminate ({sheets.length}), dalla più recente</caption>
        <thead>
          <tr>
            <th scope="col">Comune</th>
            <th scope="col">Esito</th>
            <th scope="col">Esaminata</th>
            <th scope="col">Referenti</th>
            <th scope="col">Dettagli</th>
          </tr>
        </thead>
        <tbody>
          {sheets.map((sheet) => (
            <tr key={sheet.id}>
              <th scope="row" className="fw-normal">
                {sheet.municipality.name}
              </th>
              <td>
                <SheetStatusBadge status={sheet.status} />
              </td>
              <td>
                {sheet.reviewedAt ? <RomeTime date={sheet.reviewedAt} /> : "—"}
                {sheet.reviewedBy ? <div className="small">da {sheet.reviewedBy.name ?? sheet.reviewedBy.email}</div> : null}
              </td>
              <td>{sheet._count.entries}</td>
              <td>
                <Link href={routes.dashboard.referentSheet(sheet.id)}>
                  Apri<span className="visually-hidden"> la scheda del Comune di {sheet.municipality.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
