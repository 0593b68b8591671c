import { TableScroll } from "@/components/ui/table-scroll";
import type { SummaryRow } from "@/lib/sai-projects/import/summary";

const OUTCOME = {
  planned: { create: "Da creare", update: "Da aggiornare", unchanged: "Nessuna modifica", rejected: "Scartata" },
  applied: { create: "Creato", update: "Aggiornato", unchanged: "Nessuna modifica", rejected: "Scartata" },
} as const;

const BADGES = { create: "bg-success", update: "bg-primary", unchanged: "bg-secondary", rejected: "bg-danger" } as const;

/** The import row by row: what happens (or happened) to each, with the changes or the reasons. */
export function ImportRows({ rows, applied }: { rows: readonly SummaryRow[]; applied: boolean }) {
  const labels = applied ? OUTCOME.applied : OUTCOME.planned;
  return (
    <TableScroll label="Tabella delle righe del file">
      <table className="table align-top">
        <caption>Righe del file ({rows.length}), nell&apos;ordine del file</caption>
        <thead>
          <tr>
            <th scope="col">Riga</th>
            <th scope="col">Comune</th>
            <th scope="col">Ente gestore</th>
            <th scope="col">Categoria</th>
            <th scope="col">Codice progetto</th>
            <th scope="col">Esito</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row}>
              <th scope="row">{row.row}</th>
              <td>{row.municipality || "—"}</td>
              <td>{row.managingBody || "—"}</td>
              <td>{row.category || "—"}</td>
              <td>{row.projectCode || "—"}</td>
              <td>
                <span className={`badge ${BADGES[row.kind]}`}>{labels[row.kind]}</span>
                {row.reasons.length > 0 ? (
                  <ul className="small mb-0 mt-1 ps-3">
                    {row.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                ) : null}
                {row.changes.length > 0 ? (
                  <ul className="small mb-0 mt-1 ps-3">
                    {row.changes.map((change) => (
                      <li key={change.field}>
                        {change.field}: {change.from} → {change.to}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {row.note ? <div className="small mt-1">{row.note}</div> : null}
                {row.marksMunicipality ? <div className="small mt-1">Il Comune diventa aderente al SAI.</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type Totals = { create: number; update: number; unchanged: number; rejected: number; bodies: number; municipalities: readonly string[] };

/** The import's counts, before or after applying. */
export function ImportTotals({ totals, applied }: { totals: Totals; applied: boolean }) {
  const items: [string, string][] = applied
    ? [
        ["Progetti creati", String(totals.create)],
        ["Progetti aggiornati", String(totals.update)],
        ["Righe senza modifiche", String(totals.unchanged)],
        ["Righe scartate", String(totals.rejected)],
        ["Enti gestori creati", String(totals.bodies)],
        ["Comuni segnati come aderenti al SAI", totals.municipalities.length > 0 ? `${totals.municipalities.length} (${totals.municipalities.join(", ")})` : "0"],
      ]
    : [
        ["Progetti da creare", String(totals.create)],
        ["Progetti da aggiornare", String(totals.update)],
        ["Righe senza modifiche", String(totals.unchanged)],
        ["Righe scartate", String(totals.rejected)],
        ["Enti gestori da creare", String(totals.bodies)],
        ["Comuni da segnare come aderenti al SAI", totals.municipalities.length > 0 ? `${totals.municipalities.length} (${totals.municipalities.join(", ")})` : "0"],
      ];
  return (
    <dl className="row my-4">
      {items.map(([term, value]) => (
        <div key={term} className="col-sm-6 col-lg-4 mb-2">
          <dt>{term}</dt>
          <dd className="mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
