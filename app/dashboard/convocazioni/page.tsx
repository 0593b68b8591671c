import type { Metadata } from "next";
import Link from "next/link";
import { MeetingStatusBadge } from "@/components/dashboard/meetings/meeting-status-badge";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { meetingListHref, readMeetingListParams, STATUS_PARAMS, type MeetingListParams } from "@/lib/meetings/dashboard-filters";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/meetings/labels";
import { listDashboardMeetings, type DashboardMeetingRow } from "@/lib/meetings/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Convocazioni" };

type PageProps = { searchParams: Promise<MeetingListParams> };

function Seats({ meeting }: { meeting: DashboardMeetingRow }) {
  return (
    <>
      {meeting.capacity ? `${meeting.confirmed} / ${meeting.capacity}` : `${meeting.confirmed}`}
      <span className="visually-hidden">{meeting.capacity ? " posti occupati" : " iscritti, senza limite di posti"}</span>
      {meeting.waitlisted > 0 ? <div className="small">{meeting.waitlisted} in lista d&apos;attesa</div> : null}
    </>
  );
}

export default async function MeetingsPage({ searchParams }: PageProps) {
  const user = await guardPage("read");
  const filters = readMeetingListParams(await searchParams);
  const { meetings, total, page, pageCount } = await listDashboardMeetings(db(), { status: filters.status, query: filters.query, page: filters.page });
  const canWrite = can(user.role, "write");
  const filtered = Boolean(filters.status || filters.query);

  return (
    <>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-3 mb-4">
        <h1 className="mb-0">Convocazioni</h1>
        {canWrite ? (
          <Link className="btn btn-primary" href={routes.dashboard.newMeeting()}>
            Nuova convocazione
          </Link>
        ) : null}
      </div>

      <form method="get" action={routes.dashboard.meetings()} className="row g-3 align-items-end mb-4" role="search" aria-label="Filtra le convocazioni">
        <div className="col-md-4">
          <div className="select-wrapper">
            <label htmlFor="filtro-stato">Stato</label>
            <select id="filtro-stato" name="stato" defaultValue={filters.stato}>
              <option value="">Tutti gli stati</option>
              {Object.entries(STATUS_PARAMS).map(([param, status]) => (
                <option key={param} value={param}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="col-md-5">
          <div className="form-group mb-0">
            <label htmlFor="filtro-cerca" className="active">
              Cerca nel titolo o nell&apos;indirizzo
            </label>
            <input id="filtro-cerca" name="cerca" type="search" className="form-control" defaultValue={filters.query} />
          </div>
        </div>
        <div className="col-md-3 d-flex gap-2">
          <button type="submit" className="btn btn-outline-primary">
            Filtra
          </button>
          {filtered ? (
            <Link className="btn btn-link" href={routes.dashboard.meetings()}>
              Mostra tutte
            </Link>
          ) : null}
        </div>
      </form>

      {meetings.length === 0 ? (
        <div className="callout note">
          <p className="mb-0">
            {filtered ? "Nessuna convocazione corrisponde ai filtri." : "Non ci sono ancora convocazioni."}
          </p>
        </div>
      ) : (
        <TableScroll label="Tabella delle convocazioni">
          <table className="table align-middle">
            <caption>
              {plural(total, "convocazione", "convocazioni")}
              {filters.status ? `, stato: ${STATUS_LABELS[filters.status].toLowerCase()}` : ""}
              {filters.query ? `, ricerca: «${filters.query}»` : ""}
              {pageCount > 1 ? ` (pagina ${page} di ${pageCount})` : ""}, dalla più recente
            </caption>
            <thead>
              <tr>
                <th scope="col">Convocazione</th>
                <th scope="col">Data</th>
                <th scope="col">Stato</th>
                <th scope="col">Iscritti / posti</th>
                <th scope="col">Collegamenti</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <th scope="row" className="fw-normal">
                    <Link href={routes.dashboard.meeting(meeting.id).page()} className="fw-semibold">
                      {meeting.title}
                    </Link>
                    <div className="small">{KIND_LABELS[meeting.kind]}</div>
                  </th>
                  <td>{meeting.datesPending ? "Data da definire" : <RomeTime date={meeting.startsAt} />}</td>
                  <td>
                    <MeetingStatusBadge status={meeting.status} />
                  </td>
                  <td>
                    <Seats meeting={meeting} />
                  </td>
                  <td>
                    <ul className="list-unstyled mb-0 small">
                      {canWrite && (meeting.status === "DRAFT" || meeting.status === "PUBLISHED") ? (
                        <li>
                          <Link href={routes.dashboard.meeting(meeting.id).edit()}>
                            Modifica<span className="visually-hidden"> {meeting.title}</span>
                          </Link>
                        </li>
                      ) : null}
                      <li>
                        <Link href={routes.dashboard.meeting(meeting.id).registrations()}>
                          Iscrizioni<span className="visually-hidden"> a {meeting.title}</span>
                        </Link>
                      </li>
                      {meeting.status !== "DRAFT" ? (
                        <li>
                          <Link href={routes.public.meeting(meeting.slug).page()}>
                            Pagina pubblica<span className="visually-hidden"> di {meeting.title}</span>
                          </Link>
                        </li>
                      ) : null}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {pageCount > 1 ? (
        <nav className="pagination-wrapper" aria-label="Pagine dell'elenco">
          <ul className="pagination">
            <li className={page > 1 ? "page-item" : "page-item disabled"}>
              {page > 1 ? (
                <Link className="page-link" href={meetingListHref({ stato: filters.stato, cerca: filters.query, pagina: page - 1 })}>
                  Pagina precedente
                </Link>
              ) : (
                <span className="page-link">Pagina precedente</span>
              )}
            </li>
            <li className="page-item active">
              <span className="page-link" aria-current="page">
                {page} di {pageCount}
              </span>
            </li>
            <li className={page < pageCount ? "page-item" : "page-item disabled"}>
              {page < pageCount ? (
                <Link className="page-link" href={meetingListHref({ stato: filters.stato, cerca: filters.query, pagina: page + 1 })}>
                  Pagina successiva
                </Link>
              ) : (
                <span className="page-link">Pagina successiva</span>
              )}
            </li>
          </ul>
        </nav>
      ) : null}
    </>
  );
}
