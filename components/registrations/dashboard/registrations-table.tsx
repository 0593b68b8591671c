import type { ReactNode } from "react";
import { formatNumericDateTime } from "@/lib/registrations/dashboard/format";
import { ATTENDANCE_LABELS, SOURCE_LABELS, STATUS_BADGES } from "@/lib/registrations/dashboard/labels";
import type { RegistrationPage, RegistrationRow } from "@/lib/registrations/dashboard/queries";
import { registrationListHref, type RegistrationListParams, type SortKey } from "@/lib/registrations/dashboard/schema";
import { ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/registrations/labels";
import { SORT_LABELS } from "./registration-filters";
import { TableScroll } from "@/components/ui/table-scroll";
import { plural } from "@/lib/platform/format/plural";

type TableProps = {
  page: RegistrationPage;
  path: string;
  /** Checkboxes and row actions: only for those who may change registrations. */
  canWrite: boolean;
  /** A cancelled meeting: its registrants were told; only attendance can still be recorded. */
  attendanceOnly?: boolean;
};

function SortHeader({ sort, label, path, params }: { sort: SortKey; label: string; path: string; params: RegistrationListParams }) {
  const active = params.sort === sort;
  const nextDir = active && params.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <a href={registrationListHref(path, params, { sort, dir: nextDir, page: 1 })}>
        {label}
        <span className="visually-hidden">: ordina in ordine {nextDir === "asc" ? "crescente" : "decrescente"}</span>
        {active ? <span aria-hidden="true">{params.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </a>
    </th>
  );
}

const fullName = (row: RegistrationRow) => `${row.firstName} ${row.lastName}`;

function RowButton({ intent, row, children, danger }: { intent: string; row: RegistrationRow; children: ReactNode; danger?: boolean }) {
  return (
    <button type="submit" name="intent" value={`${intent}:${row.id}`} className={`btn btn-sm ${danger ? "btn-outline-danger" : "btn-outline-primary"} text-start`}>
      {children}
      <span className="visually-hidden"> ({fullName(row)})</span>
    </button>
  );
}

/** What can be done to one row, behind a disclosure that works without JavaScript. */
function RowActions({ row, attendanceOnly }: { row: RegistrationRow; attendanceOnly: boolean }) {
  if (row.status === "CANCELLED") return <span className="small">Nessuna</span>;
  return (
    <details>
      <summary className="btn btn-sm btn-outline-primary">
        Azioni<span className="visually-hidden"> per {fullName(row)}</span>
      </summary>
      <div className="d-flex flex-column gap-1 mt-2">
        {row.status === "WAITLISTED" && !attendanceOnly ? <RowButton intent="confirm" row={row}>Conferma dalla lista d&apos;attesa</RowButton> : null}
        <RowButton intent="check-in" row={row}>Check-in ora</RowButton>
        <RowButton intent="present" row={row}>Segna presente</RowButton>
        <RowButton intent="absent" row={row}>Segna assente</RowButton>
        {attendanceOnly ? null : (
          <>
            <RowButton intent="resend" row={row}>Reinvia link personale</RowButton>
            <RowButton intent="cancel" row={row} danger>
              Annulla iscrizione
            </RowButton>
          </>
        )}
      </div>
    </details>
  );
}

function Attendance({ row }: { row: RegistrationRow }) {
  if (!row.attendance) return <span>Non registrata</span>;
  const { status, method, checkedInAt } = row.attendance;
  return (
    <>
      {ATTENDANCE_LABELS[status]}
      {status === "PRESENT" && checkedInAt ? (
        <span className="d-block small">
          {method === "CHECK_IN" ? "check-in " : "arrivo "}
          <time dateTime={checkedInAt.toISOString()}>{formatNumericDateTime(checkedInAt)}</time>
        </span>
      ) : null}
    </>
  );
}

function Provenance({ row }: { row: RegistrationRow }) {
  return (
    <>
      {SOURCE_LABELS[row.source]}
      {row.invitedBy ? (
        <span className="d-block small">
          invitato/a da {row.invitedBy.name}
          {row.invitedBy.organisation ? `, ${row.invitedBy.organisation}` : ""}
        </span>
      ) : null}
      {row.nomineeCount > 0 ? (
        <span className="d-block small">
          ha invitato {plural(row.nomineeCount, "rappresentante", "rappresentanti")}
        </span>
      ) : null}
    </>
  );
}

/**
 * The meeting's registrations, one page of them. For writers each row has a
 * checkbox ("ids") and its own actions; the header's checkbox stands for the
 * whole page ("selectAll" with the page's "pageIds"), also without JavaScript.
 * Below 576 px each row is a card (app/globals.css), its cells labelled by
 * their data-label.
 */
export function RegistrationsTable({ page, path, canWrite, attendanceOnly = false }: TableProps) {
  const { rows, total, params } = page;
  const from = total === 0 ? 0 : (page.page - 1) * params.pageSize + 1;
  const to = from === 0 ? 0 : from + rows.length - 1;
  const columns = canWrite ? 9 : 7;
  return (
    <TableScroll label="Tabella delle iscrizioni">
      <table className="table table-hover align-middle registrations-table">
        <caption>
          Iscrizioni {from}–{to} di {total}, in ordine {params.dir === "asc" ? "crescente" : "decrescente"} per {SORT_LABELS[params.sort]}
        </caption>
        <thead>
          <tr>
            {canWrite ? (
              <th scope="col">
                <input id="seleziona-pagina" type="checkbox" name="selectAll" disabled={rows.length === 0} />
                <label htmlFor="seleziona-pagina" className="visually-hidden">
                  Seleziona tutte le iscrizioni di questa pagina
                </label>
                {rows.map((row) => (
                  <input key={row.id} type="hidden" name="pageIds" value={row.id} />
                ))}
              </th>
            ) : null}
            <SortHeader sort="arrival" label="N." path={path} params={params} />
            <SortHeader sort="name" label="Persona" path={path} params={params} />
            <SortHeader sort="organisation" label="Ente" path={path} params={params} />
            <SortHeader sort="status" label="Stato" path={path} params={params} />
            <th scope="col">Presenza</th>
            <SortHeader sort="registeredAt" label="Iscrizione" path={path} params={params} />
            <th scope="col">Provenienza</th>
            {canWrite ? <th scope="col">Azioni</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns}>Nessuna iscrizione corrisponde alla ricerca e ai filtri scelti.</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                {canWrite ? (
                  <td className="registration-select">
                    <input id={`seleziona-${row.id}`} type="checkbox" name="ids" value={row.id} />
                    <label htmlFor={`seleziona-${row.id}`} className="visually-hidden">
                      Seleziona {fullName(row)}
                    </label>
                  </td>
                ) : null}
                <td data-label="N.">{row.arrival}</td>
                <th scope="row" className="fw-normal">
                  <strong>
                    {row.lastName} {row.firstName}
                  </strong>
                  <a className="d-block small" href={`mailto:${row.email}`}>
                    {row.email}
                  </a>
                  {row.roleTitle ? <span className="d-block small">{row.roleTitle}</span> : null}
                </th>
                <td data-label="Ente">
                  {row.organisation}
                  <span className="d-block small">{ORGANISATION_TYPE_LABELS[row.organisationType]}</span>
                </td>
                <td data-label="Stato">
                  <span className={`badge ${STATUS_BADGES[row.status]}`}>{REGISTRATION_STATUS_LABELS[row.status]}</span>
                </td>
                <td data-label="Presenza">
                  <Attendance row={row} />
                </td>
                <td data-label="Iscrizione">
                  <time dateTime={row.registeredAt.toISOString()}>{formatNumericDateTime(row.registeredAt)}</time>
                </td>
                <td data-label="Provenienza">
                  <Provenance row={row} />
                </td>
                {canWrite ? (
                  <td className="registration-actions">
                    <RowActions row={row} attendanceOnly={attendanceOnly} />
                  </td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
