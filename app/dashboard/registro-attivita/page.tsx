import type { Metadata } from "next";
import Link from "next/link";
import { AuditChanges } from "@/components/audit/audit-changes";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { LogResults } from "@/components/logs/log-results";
import { RomeTime } from "@/components/ui/rome-time";
import { auditFilterQuery, AUDIT_FILTER_PARAMS, parseAuditFilters } from "@/lib/audit/filters";
import { auditActionLabel, auditActorName, auditEntityLabel } from "@/lib/audit/labels";
import { listAuditEntries } from "@/lib/audit/queries";
import { guardPage } from "@/lib/auth/guard";
import { hrefWith, type SearchParams } from "@/lib/platform/forms/search-params";
import { listUserOptions } from "@/lib/users/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Registro attività" };

const PATH = routes.dashboard.auditLog();

const AUDIT_COUNTS = {
  none: "Nessuna attività registrata.",
  noneFiltered: "Nessuna attività corrisponde ai filtri.",
  one: "1 attività.",
  many: (total: number) => `${total} attività, dalla più recente.`,
};

type Props = { searchParams: Promise<SearchParams> };

export default async function AuditLogPage({ searchParams }: Props) {
  await guardPage("read");
  const filters = parseAuditFilters(await searchParams);
  const [{ entries, total, page, pageCount }, actors] = await Promise.all([listAuditEntries(db(), filters), listUserOptions(db())]);
  const query = auditFilterQuery(filters);
  const filtered = Object.values(query).some(Boolean);

  return (
    <>
      <h1>Registro attività</h1>
      <p className="lead">Ogni modifica fatta dall&apos;area riservata: chi, quando, su quale record, e cosa è cambiato.</p>
      <AuditFilterForm path={PATH} filters={filters} actors={actors} />

      <LogResults
        total={total}
        shown={entries.length}
        filtered={filtered}
        page={page}
        pageCount={pageCount}
        path={PATH}
        query={query}
        counts={AUDIT_COUNTS}
        paginationLabel="Pagine del registro attività"
      >
        {/* Positioned, so the visually hidden texts inside stay in the scroller instead of widening the page on a phone. */}
        <TableScroll label="Tabella del registro attività" className="position-relative">
          <table className="table align-top">
            <caption>
              Registro attività{filtered ? " (filtrato)" : ""}, pagina {page} di {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Chi</th>
                <th scope="col">Azione</th>
                <th scope="col">Record</th>
                <th scope="col">Modifiche</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <RomeTime date={entry.createdAt} />
                  </td>
                  <td>{auditActorName(entry)}</td>
                  <th scope="row" className="fw-normal">
                    {auditActionLabel(entry.action)}
                    <div className="small">
                      <code>{entry.action}</code>
                    </div>
                  </th>
                  <td>
                    {auditEntityLabel(entry.entityType)}
                    {entry.entityName ? <div className="fw-semibold">{entry.entityName}</div> : null}
                    {entry.meetingTitle ? <div className="small">Convocazione: {entry.meetingTitle}</div> : null}
                    {entry.entityId ? (
                      <div className="small">
                        <Link
                          href={hrefWith(PATH, { [AUDIT_FILTER_PARAMS.entityType]: entry.entityType, [AUDIT_FILTER_PARAMS.entityId]: entry.entityId })}
                        >
                          {entry.entityName ? (
                            <>
                              Tutte le attività su questo record<span className="visually-hidden">: {entry.entityName}</span>
                            </>
                          ) : (
                            <>
                              <span className="visually-hidden">Tutte le attività su questo record: </span>
                              <code>{entry.entityId}</code>
                            </>
                          )}
                        </Link>
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <AuditChanges data={entry.data} entityType={entry.entityType} />
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
