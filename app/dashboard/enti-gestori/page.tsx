import type { Metadata } from "next";
import Link from "next/link";
import { ManagingBodyFilterForm } from "@/components/managing-bodies/managing-body-filter-form";
import { LogResults } from "@/components/logs/log-results";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { managingBodyFilterQuery, parseManagingBodyFilters } from "@/lib/managing-bodies/filters";
import { MANAGING_BODIES_PATH, managingBodyPath } from "@/lib/managing-bodies/messages";
import { listManagingBodies } from "@/lib/managing-bodies/queries";
import { IMPORT_PATH } from "@/lib/sai-projects/import/messages";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Enti gestori" };

const COUNTS = {
  none: "Nessun ente gestore.",
  noneFiltered: "Nessun ente gestore corrisponde ai filtri.",
  one: "1 ente gestore.",
  many: (total: number) => `${total} enti gestori, in ordine di nome.`,
};

type Props = { searchParams: Promise<SearchParams> };

export default async function ManagingBodiesPage({ searchParams }: Props) {
  const user = await guardPage("read");
  const filters = parseManagingBodyFilters(await searchParams);
  const { bodies, total, page, pageCount } = await listManagingBodies(db(), filters);
  const query = managingBodyFilterQuery(filters);
  const filtered = Object.values(query).some(Boolean);

  return (
    <>
      <h1>Enti gestori</h1>
      <p className="lead">
        Le cooperative e le associazioni che gestiscono i progetti SAI dei Comuni, con i loro progetti e le iscrizioni di chi
        le rappresenta.
      </p>
      {can(user.role, "write") ? (
        <p className="d-flex flex-wrap gap-3">
          <Link className="btn btn-primary" href={routes.dashboard.newManagingBody()}>
            Nuovo ente gestore
          </Link>
          <Link className="btn btn-outline-primary" href={IMPORT_PATH}>
            Importa l&apos;elenco dei progetti SAI
          </Link>
        </p>
      ) : (
        <p>
          <Link href={IMPORT_PATH}>Importazioni dei progetti SAI</Link>
        </p>
      )}
      <ManagingBodyFilterForm path={MANAGING_BODIES_PATH} filters={filters} />

      <LogResults
        total={total}
        shown={bodies.length}
        filtered={filtered}
        page={page}
        pageCount={pageCount}
        path={MANAGING_BODIES_PATH}
        query={query}
        counts={COUNTS}
        paginationLabel="Pagine degli enti gestori"
      >
        <TableScroll label="Tabella degli enti gestori">
          <table className="table align-top">
            <caption>
              Enti gestori{filtered ? " (filtrati)" : ""}, pagina {page} di {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Ente gestore</th>
                <th scope="col">Codice fiscale</th>
                <th scope="col">Province dei progetti</th>
                <th scope="col">Progetti SAI</th>
                <th scope="col">Iscrizioni</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id}>
                  <th scope="row" className="fw-normal">
                    <Link href={managingBodyPath(body.id)}>{body.name}</Link>
                    {body.email ? <div className="small">{body.email}</div> : null}
                  </th>
                  <td>{body.taxCode ?? "Non indicato"}</td>
                  <td>{body.provinces.length > 0 ? body.provinces.join(", ") : "—"}</td>
                  <td>{body.projectCount}</td>
                  <td>{body.registrationCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </LogResults>
    </>
  );
}
