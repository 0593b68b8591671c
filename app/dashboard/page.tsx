import type { Metadata } from "next";
import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { getDashboardOverview } from "@/lib/dashboard/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Panoramica" };

const STATUS_LABELS = { DRAFT: "Bozza", PUBLISHED: "Pubblicata", CANCELLED: "Annullata", ARCHIVED: "Archiviata" } as const;

export default async function DashboardOverviewPage() {
  const user = await guardPage("read");
  const { upcoming, recent, saiTotal } = await getDashboardOverview(db());
  return (
    <>
      <h1>Panoramica</h1>
      <p className="lead">Ti diamo il benvenuto, {user.name ?? user.email}.</p>

      <section aria-labelledby="prossime" className="mt-4">
        <h2 id="prossime">Prossime convocazioni</h2>
        {upcoming.length === 0 ? (
          <p>
            Nessuna convocazione in programma. <Link href={routes.dashboard.meetings()}>Vai alle convocazioni</Link>.
          </p>
        ) : (
          <TableScroll label="Tabella delle prossime convocazioni">
            <table className="table">
              <caption>
                Convocazioni non ancora concluse, dalla più vicina: iscritti confermati sulla capienza e Comuni aderenti al SAI
                con almeno un iscritto (su {saiTotal}).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Convocazione</th>
                  <th scope="col">Data</th>
                  <th scope="col">Stato</th>
                  <th scope="col" className="text-end">Iscritti / capienza</th>
                  <th scope="col" className="text-end">In lista d&apos;attesa</th>
                  <th scope="col">Copertura Comuni SAI</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((meeting) => (
                  <tr key={meeting.id}>
                    <th scope="row">
                      <Link href={routes.dashboard.meeting(meeting.id).page()}>{meeting.title}</Link>
                    </th>
                    <td>{meeting.datesPending ? "Data da definire" : <RomeTime date={meeting.startsAt} />}</td>
                    <td>{STATUS_LABELS[meeting.status]}</td>
                    <td className="text-end">
                      {meeting.confirmed} / {meeting.capacity ?? "senza limite"}
                    </td>
                    <td className="text-end">{meeting.waitlisted}</td>
                    <td>
                      <Link href={routes.dashboard.meeting(meeting.id).coverage()}>
                        {meeting.saiPercent}%<span className="visually-hidden"> di copertura per {meeting.title}</span>
                      </Link>{" "}
                      <span className="small">
                        ({meeting.saiRegistered} su {meeting.saiTotal})
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="recenti" className="mt-5">
        <h2 id="recenti">Partecipazione agli incontri recenti</h2>
        {recent.length === 0 ? (
          <p>Nessun incontro concluso.</p>
        ) : (
          <TableScroll label="Tabella della partecipazione agli incontri recenti">
            <table className="table">
              <caption>Ultimi incontri conclusi: presenti sugli iscritti confermati.</caption>
              <thead>
                <tr>
                  <th scope="col">Convocazione</th>
                  <th scope="col">Data</th>
                  <th scope="col" className="text-end">Confermati</th>
                  <th scope="col" className="text-end">Presenti</th>
                  <th scope="col" className="text-end">Tasso di partecipazione</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((meeting) => (
                  <tr key={meeting.id}>
                    <th scope="row">
                      <Link href={routes.dashboard.meeting(meeting.id).page()}>{meeting.title}</Link>
                    </th>
                    <td>
                      <RomeTime date={meeting.startsAt} format="date" />
                    </td>
                    <td className="text-end">{meeting.confirmed}</td>
                    <td className="text-end">{meeting.recorded === 0 ? "non registrati" : meeting.present}</td>
                    <td className="text-end">
                      {meeting.attendancePercent === null ? "presenze non registrate" : `${meeting.attendancePercent}%`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
