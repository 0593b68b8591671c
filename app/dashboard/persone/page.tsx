import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm, FilterText } from "@/components/dashboard/filter-fields";
import { LogResults } from "@/components/logs/log-results";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { searchPeople } from "@/lib/people/queries";
import { parsePeopleFilters, PEOPLE_SEARCH_PARAM } from "@/lib/people/schema";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Persone" };

const PATH = routes.dashboard.people();

type Props = { searchParams: Promise<SearchParams> };

export default async function PeoplePage({ searchParams }: Props) {
  await guardPage("read");
  const filters = parsePeopleFilters(await searchParams);
  const { rows, total, page, pageCount } = await searchPeople(db(), filters);
  const query = { [PEOPLE_SEARCH_PARAM]: filters.search };
  const counts = {
    none: "Nessuna persona in archivio.",
    noneFiltered: "Nessuna persona corrisponde alla ricerca.",
    one: "1 persona.",
    many: (count: number) => (filters.search ? `${count} persone, in ordine alfabetico.` : `${count} persone, dalle più recenti.`),
  };

  return (
    <>
      <h1>Persone</h1>
      <p className="lead">
        Chiunque abbia lasciato dati al portale: iscritti, referenti, chi ha compilato una scheda. Dalla pagina di una persona
        si vedono tutti i suoi dati, si esportano o si cancellano.
      </p>
      <FilterForm path={PATH} title="Cerca una persona">
        <FilterText
          id="cerca-persona"
          type="search"
          name={PEOPLE_SEARCH_PARAM}
          label="Nome, cognome o email"
          value={filters.search ?? ""}
          autoComplete="off"
          hint="Anche in parte; più parole restringono la ricerca."
          className="col-md-8 col-lg-6"
        />
      </FilterForm>
      <LogResults
        total={total}
        shown={rows.length}
        filtered={Boolean(filters.search)}
        page={page}
        pageCount={pageCount}
        path={PATH}
        query={query}
        counts={counts}
        paginationLabel="Pagine dell'elenco delle persone"
      >
        <TableScroll label="Tabella delle persone">
          <table className="table align-middle">
            <caption>
              Persone{filters.search ? ` che corrispondono a «${filters.search}»` : ", dalle più recenti"}, pagina {page} di {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Persona</th>
                <th scope="col">Email</th>
                <th scope="col">Organizzazione</th>
                <th scope="col">Iscrizioni</th>
                <th scope="col">Designazioni come referente</th>
                <th scope="col">Nel portale dal</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => (
                <tr key={person.id}>
                  <th scope="row" className="fw-normal">
                    <Link href={`${PATH}/${person.id}`}>{person.erasedAt ? "Dati cancellati" : `${person.lastName} ${person.firstName}`}</Link>
                  </th>
                  <td>{person.erasedAt ? "—" : person.email}</td>
                  <td>{person.organisation ?? "—"}</td>
                  <td>{person._count.registrations}</td>
                  <td>{person._count.referents}</td>
                  <td>
                    <RomeTime date={person.createdAt} format="date" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </LogResults>
    </>
  );
}
