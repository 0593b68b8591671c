import type { Metadata } from "next";
import Link from "next/link";
import { LogResults } from "@/components/logs/log-results";
import { PendingSheetsTable } from "@/components/referents/pending-sheets-table";
import { ReferentFilterForm } from "@/components/referents/referent-filter-form";
import { ReferentsTable } from "@/components/referents/referents-table";
import { ReviewedSheetsTable } from "@/components/referents/reviewed-sheets-table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { parseReferentFilters, referentFilterQuery } from "@/lib/referents/filters";
import { listReferents } from "@/lib/referents/queries";
import { undeliverableAddresses } from "@/lib/email/suppression/queries";
import { listPendingSheets, listReviewedSheets } from "@/lib/referents/sheets/queries";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Referenti" };

const PATH = routes.dashboard.referents();

const REFERENT_COUNTS = {
  none: "Nessun referente registrato.",
  noneFiltered: "Nessun referente corrisponde ai filtri.",
  one: "1 referente.",
  many: (total: number) => `${total} referenti, per Comune.`,
};

type Props = { searchParams: Promise<SearchParams> };

export default async function ReferentsPage({ searchParams }: Props) {
  const user = await guardPage("read");
  const filters = parseReferentFilters(await searchParams);
  const [sheets, reviewed, { referents, total, page, pageCount }] = await Promise.all([
    listPendingSheets(db()),
    listReviewedSheets(db()),
    listReferents(db(), filters),
  ]);
  const undeliverable = await undeliverableAddresses(db(), referents.map((referent) => referent.person.email));
  const query = referentFilterQuery(filters);
  const filtered = Object.values(query).some(Boolean);

  return (
    <>
      <h1>Referenti</h1>
      <p className="lead">
        Le persone che ciascun Comune ha designato per il Coordinamento, dalla scheda referenti o inserite dalla
        Segreteria. I promemoria e la copertura delle convocazioni si basano sui referenti attivi.
      </p>
      {can(user.role, "write") ? (
        <p>
          <Link href={routes.dashboard.newReferent()} className="btn btn-outline-primary">
            Aggiungi un referente
          </Link>
        </p>
      ) : null}

      <section className="my-5" aria-labelledby="schede-titolo">
        <h2 id="schede-titolo">Schede da verificare</h2>
        <p>
          Schede inviate dai Comuni dalla pagina pubblica <Link href={routes.referentSheet()}>Scheda referenti</Link>. Approvarle
          rende attivi i referenti indicati e revoca quelli non più indicati.
        </p>
        <PendingSheetsTable sheets={sheets} />
      </section>

      <section className="my-5" aria-labelledby="referenti-titolo">
        <h2 id="referenti-titolo">Tutti i referenti</h2>
        <ReferentFilterForm path={PATH} filters={filters} />
        <LogResults
          total={total}
          shown={referents.length}
          filtered={filtered}
          page={page}
          pageCount={pageCount}
          path={PATH}
          query={query}
          counts={REFERENT_COUNTS}
          paginationLabel="Pagine dei referenti"
        >
          <ReferentsTable referents={referents} undeliverable={undeliverable} caption={`Referenti${filtered ? " (filtrati)" : ""}, pagina ${page} di ${pageCount}`} />
        </LogResults>
      </section>

      <section className="my-5" aria-labelledby="esaminate-titolo">
        <h2 id="esaminate-titolo">Schede esaminate di recente</h2>
        <ReviewedSheetsTable sheets={reviewed} />
      </section>
    </>
  );
}
