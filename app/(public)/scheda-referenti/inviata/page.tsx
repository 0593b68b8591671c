import type { Metadata } from "next";
import Link from "next/link";
import { PublicPage } from "@/components/layout/public-page";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { SITE } from "@/lib/site";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Scheda referenti inviata", robots: { index: false, follow: false } };

const LAST_UPDATED = new Date(`${PRIVACY_NOTICE_VERSION}T12:00:00Z`);

export default function ReferentSheetSentPage() {
  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <h1 className="mb-4">Scheda referenti inviata</h1>
      <div className="alert alert-success mb-4">
        <p className="mb-0">
          Grazie: abbiamo ricevuto la scheda referenti. Ora è <strong>da verificare</strong> da parte della Segreteria
          del Coordinamento.
        </p>
      </div>
      <p>
        Ti abbiamo inviato un&apos;email di conferma con l&apos;elenco dei referenti indicati. Quando la scheda sarà
        approvata te lo scriveremo e ciascun referente riceverà un&apos;email; se qualcosa non andasse, ti scriveremo il
        motivo.
      </p>
      <p>
        Se ti accorgi di un errore, puoi <Link href={routes.referentSheet()}>inviare di nuovo la scheda</Link> per lo stesso
        Comune: finché non è verificata, la nuova scheda sostituisce la precedente.
      </p>
      <p>
        Per informazioni scrivi alla Segreteria del Coordinamento: <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a>.
      </p>
      <p>
        <Link href="/">Torna alla pagina iniziale</Link>
      </p>
    </PublicPage>
  );
}
