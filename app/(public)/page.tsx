import Link from "next/link";
import { PublicPage } from "@/components/layout/public-page";
import { MeetingCard } from "@/components/meetings/meeting-card";
import { lastPublicUpdate, listPublicMeetings, type MeetingSummary } from "@/lib/meetings/queries";
import { seatsLeftBySlug } from "@/lib/registrations/queries";
import type { SeatsLeft } from "@/lib/registrations/seats";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// When the text of this page last changed; the footer shows the later of this and the latest meeting change.
const TEXT_UPDATED = new Date("2026-11-26T12:00:00Z");

function MeetingGrid({ meetings, now, seats }: { meetings: MeetingSummary[]; now: Date; seats?: Map<string, SeatsLeft> }) {
  return (
    <div className="row">
      {meetings.map((meeting) => (
        <div className="col-12 col-md-6 col-lg-4" key={meeting.slug}>
          <MeetingCard meeting={meeting} now={now} seats={seats?.get(meeting.slug)} />
        </div>
      ))}
    </div>
  );
}

export default async function HomePage() {
  const now = new Date();
  const [{ upcoming, past }, updated] = await Promise.all([listPublicMeetings(db(), now), lastPublicUpdate(db())]);
  const lastUpdated = updated && updated > TEXT_UPDATED ? updated : TEXT_UPDATED;
  const seats = await seatsLeftBySlug(
    db(),
    upcoming.map((meeting) => meeting.slug),
  );

  return (
    <PublicPage lastUpdated={lastUpdated}>
      <h1>Convocazioni del Coordinamento dei Comuni SAI</h1>
      <p className="lead">
        Tavoli tecnici, webinar e incontri di formazione del Coordinamento dei Comuni siciliani aderenti al SAI,
        promossi da ANCI Sicilia nell&apos;ambito del progetto COOPERA.
      </p>

      <section className="mt-5" aria-labelledby="prossimi-incontri">
        <h2 id="prossimi-incontri">Prossimi incontri</h2>
        {upcoming.length > 0 ? (
          <MeetingGrid meetings={upcoming} now={now} seats={seats} />
        ) : (
          <p>Al momento non ci sono incontri in programma. Le nuove convocazioni saranno pubblicate in questa pagina.</p>
        )}
      </section>

      <section className="mt-5" aria-labelledby="incontri-passati">
        <h2 id="incontri-passati">Incontri passati</h2>
        {past.length > 0 ? <MeetingGrid meetings={past} now={now} /> : <p>Non ci sono ancora incontri passati.</p>}
      </section>

      <section className="mt-5" aria-labelledby="il-coordinamento">
        <h2 id="il-coordinamento">Che cos&apos;è il Coordinamento</h2>
        <p>
          Il Coordinamento dei Comuni siciliani aderenti al SAI (Sistema di Accoglienza e Integrazione) riunisce i
          Comuni della Sicilia titolari di progetti di accoglienza integrata per richiedenti e titolari di protezione
          internazionale e minori stranieri non accompagnati. È promosso da ANCI Sicilia, l&apos;Associazione dei
          Comuni Siciliani, per favorire il confronto tra i referenti dei Comuni e gli enti gestori dei progetti e lo
          scambio di buone pratiche.
        </p>
        <p>
          Le attività si svolgono nell&apos;ambito del progetto 3031 COOPERA - I Comuni migliorano PER Arginare le
          vulnerabilità, finanziato dal Ministero dell&apos;Interno con il Fondo Asilo, Migrazione e Integrazione
          (FAMI) 2014-2020 e co-finanziato dall&apos;Unione Europea.
        </p>
        <p>
          Per ricevere le comunicazioni del Coordinamento, ciascun Comune indica uno o più referenti compilando la{" "}
          <Link href={routes.referentSheet()}>scheda referenti</Link>.
        </p>
      </section>
    </PublicPage>
  );
}
