import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LogResults } from "@/components/logs/log-results";
import { MunicipalityFilterForm } from "@/components/municipalities/municipality-filter-form";
import { SaiBulkForm } from "@/components/municipalities/sai-bulk-form";
import { SaiBadge } from "@/components/municipalities/sai-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { setSaiFlagBulkAction } from "@/lib/municipalities/dashboard/actions";
import { municipalityFilterQuery, parseMunicipalityFilters } from "@/lib/municipalities/dashboard/filters";
import { listDashboardMunicipalities } from "@/lib/municipalities/dashboard/queries";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Comuni" };

const PATH = routes.dashboard.municipalities();

const COUNTS = {
  none: "Nessun Comune in archivio.",
  noneFiltered: "Nessun Comune corrisponde ai filtri.",
  one: "1 Comune.",
  many: (total: number) => `${total} Comuni, in ordine alfabetico.`,
};

type Props = { searchParams: Promise<SearchParams> };

export default async function MunicipalitiesPage({ searchParams }: Props) {
  const user = await guardPage("read");
  const canWrite = can(user.role, "write");
  const filters = parseMunicipalityFilters(await searchParams);
  const { rows, total, saiMembers, withReferents, page, pageCount } = await listDashboardMunicipalities(db(), filters);
  const query = municipalityFilterQuery(filters);
  const filtered = Object.values(query).some(Boolean);

  return (
    <>
      <h1>Comuni</h1>
      <p className="lead">
        I 391 Comuni siciliani: chi aderisce al SAI, chi ha referenti attivi, i progetti e gli enti gestori. La copertura degli
        incontri e i promemoria contano solo i Comuni aderenti al SAI.
      </p>
      <p>
        <Link href={routes.dashboard.pecImports()}>Importa le PEC dei Comuni da IndicePA</Link>
      </p>
      <MunicipalityFilterForm path={PATH} filters={filters} />
      {total > 0 ? (
        <p>
          Di questi: <strong>{saiMembers}</strong> aderenti al SAI, <strong>{withReferents}</strong> con almeno un referente attivo.
        </p>
      ) : null}
      <LogResults
        total={total}
        shown={rows.length}
        filtered={filtered}
        page={page}
        pageCount={pageCount}
        path={PATH}
        query={query}
        counts={COUNTS}
        paginationLabel="Pagine dell'elenco dei Comuni"
      >
        <SelectionForm canWrite={canWrite}>
        <TableScroll label="Tabella dei Comuni">
          <table className="table align-middle">
            <caption>
              Comuni{filtered ? " (filtrati)" : ""}, pagina {page} di {pageCount}
            </caption>
            <thead>
              <tr>
                {canWrite ? (
                  <th scope="col">
                    <input id="seleziona-pagina" type="checkbox" name="selectAll" disabled={rows.length === 0} />
                    <label htmlFor="seleziona-pagina" className="visually-hidden">
                      Seleziona tutti i Comuni di questa pagina
                    </label>
                    {rows.map((row) => (
                      <input key={row.id} type="hidden" name="pageIds" value={row.id} />
                    ))}
                  </th>
                ) : null}
                <th scope="col">Comune</th>
                <th scope="col">Provincia</th>
                <th scope="col">Codice ISTAT</th>
                <th scope="col">SAI</th>
                <th scope="col">Referenti attivi</th>
                <th scope="col">Progetti SAI</th>
                <th scope="col">Scheda da verificare</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {canWrite ? (
                    <td>
                      <input id={`seleziona-${row.id}`} type="checkbox" name="ids" value={row.id} />
                      <label htmlFor={`seleziona-${row.id}`} className="visually-hidden">
                        Seleziona {row.name}
                      </label>
                    </td>
                  ) : null}
                  <th scope="row" className="fw-normal">
                    <Link href={`${PATH}/${row.id}`}>{row.name}</Link>
                  </th>
                  <td>
                    {row.provinceName} ({row.province})
                  </td>
                  <td>
                    <code>{row.istatCode}</code>
                  </td>
                  <td>
                    <SaiBadge member={row.saiMember} />
                  </td>
                  <td>{row.activeReferents}</td>
                  <td>{row.saiProjects}</td>
                  <td>{row.pendingSheet ? "Sì" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        </SelectionForm>
      </LogResults>
    </>
  );
}

/** A coordinator sets or clears the SAI flag of the ticked rows; an observer sees the table alone. */
function SelectionForm({ canWrite, children }: { canWrite: boolean; children: ReactNode }) {
  return canWrite ? <SaiBulkForm action={setSaiFlagBulkAction}>{children}</SaiBulkForm> : <>{children}</>;
}
