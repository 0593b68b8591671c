import Link from "next/link";
import { PublicPage } from "@/components/layout/public-page";

const LAST_UPDATED = new Date("2026-11-26T12:00:00Z");

export function NotFoundContent() {
  return (
    <PublicPage lastUpdated={LAST_UPDATED} feedback={false}>
      <h1>Pagina non trovata</h1>
      <p className="lead">La pagina che cerchi non esiste, è stata spostata o non è ancora pubblicata.</p>
      <p>
        Controlla l&apos;indirizzo oppure consulta l&apos;<Link href="/">elenco delle convocazioni</Link>.
      </p>
    </PublicPage>
  );
}
