import Link from "next/link";
import { Pagination } from "@/components/logs/pagination";
import { TableScroll } from "@/components/ui/table-scroll";
import { hrefWith, pageParam, param, type SearchParams } from "@/lib/platform/forms/search-params";
import type { SummaryRow } from "@/lib/sai-projects/import/summary";

const OUTCOME = {
  planned: { create: "Da creare", update: "Da aggiornare", unchanged: "Nessuna modifica", rejected: "Scartata" },
  applied: { create: "Creato", update: "Aggiornato", unchanged: "Nessuna modifica", rejected: "Scartata" },
} as const;

const BADGES = { create: "bg-success", update: "bg-primary", unchanged: "bg-secondary", rejected: "bg-danger" } as const;

export const IMPORT_ROWS_PER_PAGE = 100;

type RowKind = SummaryRow["kind"];

/** ?righe=… in the address: which outcome the table shows. */
const KIND_PARAMS: Record<RowKind, string> = { create: "nuove", update: "aggiornate", unchanged: "invariate", rejected: "scartate" };
const FILTER_LABELS = {
  planned: { create: "Da creare", update: "Da aggiornare", unchanged: "Senza modifiche", rejected: "Scartate" },
  applied: { create: "Creati", update: "Aggiornati", unchanged: "Senza modifiche", rejected: "Scartate" },
} as const;

function kindFromParam(value: string): RowKind | null {
  const found = Object.entries(KIND_PARAMS).find(([, name]) => name === value);
  return found ? (found[0] as RowKind) : null;
}

/**
 * The rows a page at a time (a list can have 5,000), filtered by outcome
 * through plain links: the rejected rows of a long file are one click away,
 * with or without JavaScript.
 */
export function ImportRowsBrowser({ rows, applied, path, params }: { rows: readonly SummaryRow[]; applied: boolean; path: string; params: SearchParams }) {
  const kind = kindFromParam(param(params, "righe"));
  const filtered = kind ? rows.filter((row) => row.kind === kind) : rows;
  const pageCount = Math.max(1, Math.ceil(filtered.length / IMPORT_ROWS_PER_PAGE));
  const page = Math.min(pageParam(params), pageCount);
  const first = (page - 1) * IMPORT_ROWS_PER_PAGE;
  const shown = filtered.slice(first, first + IMPORT_ROWS_PER_PAGE);
  const labels = applied ? FILTER_LABELS.applied : FILTER_LABELS.planned;
  const filters: [RowKind | null, string, number][] = [
    [null, "Tutte", rows.length],
    ...(Object.keys(KIND_PARAMS) as RowKind[]).map((each): [RowKind, string, number] => [each, labels[each], rows.filter((row) => row.kind === each).length]),
  ];
  const href = (target: number) => hrefWith(path, { righe: kind ? KIND_PARAMS[kind] : null }, target);
  return (
    <section aria-labelledby="righe-del-file">
      <h2 id="righe-del-file" className="h4 mt-5">
        Le righe del file
      </h2>
      <nav aria-label="Mostra le righe" className="mb-3">
        <ul className="list-inline mb-0">
          {filters
            .filter(([each, , count]) => each === null || count > 0)
            .map(([each, label, count]) => (
              <li key={label} className="list-inline-item me-3">
                <Link
                  href={hrefWith(path, { righe: each ? KIND_PARAMS[each] : null })}
                  aria-current={each === kind ? "page" : undefined}
                  className={each === kind ? "fw-bold" : undefined}
                >
                  {label} ({count})
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <ImportRows rows={shown} applied={applied} range={{ from: first + 1, to: first + shown.length, of: filtered.length }} />
      <Pagination page={page} pageCount={pageCount} href={href} label="Pagine delle righe del file" />
    </section>
  );
}

/** The import row by row: what happens (or happened) to each, with the changes or the reasons. */
function ImportRows({ rows, applied, range }: { rows: readonly SummaryRow[]; applied: boolean; range: { from: number; to: number; of: number } }) {
  const labels = applied ? OUTCOME.applied : OUTCOME.planned;
  return (
    <TableScroll label="Tabella delle righe del file">
      <table className="table align-top">
        <caption>
          Righe del file{" "}
          {range.of === 0 ? "(nessuna)" : range.from === 1 && range.to === range.of ? `(${range.of})` : `(${range.from}–${range.to} di ${range.of})`}, nell&apos;ordine del file
        </caption>
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
