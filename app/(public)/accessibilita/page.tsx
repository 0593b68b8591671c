import type { Metadata } from "next";
import { PublicPage } from "@/components/layout/public-page";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { SITE } from "@/lib/site";

export const metadata: Metadata = { title: "Dichiarazione di accessibilità" };

// Prepared on this date; AgID requires a review by 23 September every year.
const PREPARED_ON = "2026-11-26";
const NEXT_REVIEW = "2027-09-23";
const LAST_UPDATED = new Date(`${PREPARED_ON}T12:00:00Z`);

export default function AccessibilityPage() {
  const mailto = `mailto:${SITE.contactEmail}?subject=Accessibilit%C3%A0%20del%20sito%20Convoca`;
  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <div className="letter">
        <h1>Dichiarazione di accessibilità</h1>
        <p className="lead">
          ANCI Sicilia si impegna a rendere il proprio sito web accessibile, conformemente alla legge 9 gennaio 2004,
          n. 4 e al decreto legislativo 10 agosto 2018, n. 106, che ha recepito la direttiva (UE) 2016/2102 del
          Parlamento europeo e del Consiglio.
        </p>
        <p>
          La presente dichiarazione di accessibilità si applica al portale Convoca del Coordinamento dei Comuni
          siciliani aderenti al SAI, gestito da {SITE.ownerLongName}: le pagine pubbliche delle convocazioni, i
          moduli di iscrizione e di invito e la scheda referenti.
        </p>

        <h2 className="h3 mt-5">Stato di conformità</h2>
        <p>
          Il portale è <strong>parzialmente conforme</strong> ai requisiti previsti dalla norma UNI CEI EN 301549,
          che per i contenuti web richiama le Linee guida WCAG 2.1 al livello AA, in ragione dei casi elencati di
          seguito.
        </p>

        <h2 className="h3 mt-5">Contenuti non accessibili o non ancora verificati</h2>
        <h3 className="h4">Inosservanza della legge 4/2004</h3>
        <ul>
          <li>
            La conformità delle pagine pubbliche è stata verificata con strumenti automatici (axe-core, criteri WCAG
            2.1 A e AA), che rilevano solo una parte dei problemi. Non è ancora stata completata la verifica manuale
            con lettori di schermo (ad esempio NVDA e VoiceOver), né quella della sola navigazione da tastiera su
            tutte le pagine.
          </li>
          <li>
            Non sono ancora stati verificati, con tecnologie assistive, gli avvisi di errore dei moduli di iscrizione
            e della scheda referenti, né il ridimensionamento del testo al 200% e la visualizzazione a 320 pixel di
            larghezza su tutte le pagine.
          </li>
          <li>
            Su schermi piccoli il menu di navigazione si apre solo con JavaScript attivo; senza JavaScript gli stessi
            collegamenti restano disponibili nel piè di pagina.
          </li>
          <li>
            L&apos;area riservata ai coordinatori non è ancora stata valutata ed è esclusa da questa dichiarazione
            fino alla prossima revisione.
          </li>
          <li>
            Eventuali documenti allegati alle convocazioni (ad esempio lettere in formato PDF) potrebbero non essere
            accessibili: il testo integrale di ogni convocazione è comunque pubblicato nella relativa pagina.
          </li>
        </ul>
        <h3 className="h4">Contenuti non soggetti alla disciplina</h3>
        <p>
          Le piattaforme di videoconferenza usate per gli incontri sono servizi di terzi, non sviluppati né
          controllati da ANCI Sicilia.
        </p>

        <h2 className="h3 mt-5">Redazione della dichiarazione</h2>
        <p>
          La presente dichiarazione è stata redatta il{" "}
          <time dateTime={PREPARED_ON}>{formatIsoCalendarDate(PREPARED_ON)}</time> sulla base di
          un&apos;autovalutazione effettuata con strumenti automatici e verifiche manuali parziali. È riesaminata
          ogni anno entro il 23 settembre e a ogni modifica sostanziale del portale; il prossimo riesame è previsto
          entro il <time dateTime={NEXT_REVIEW}>{formatIsoCalendarDate(NEXT_REVIEW)}</time>.
        </p>

        <h2 className="h3 mt-5">Meccanismo di feedback e recapiti</h2>
        <p>
          Per segnalare casi di mancata conformità o per chiedere informazioni e contenuti non accessibili, ad esempio
          il testo di una convocazione in un altro formato, si può scrivere al Coordinamento all&apos;indirizzo{" "}
          <a href={mailto}>{SITE.contactEmail}</a>. Risponderemo entro 30 giorni.
        </p>

        <h2 className="h3 mt-5">Procedura di attuazione</h2>
        <p>
          In caso di risposta insoddisfacente o di mancata risposta entro 30 giorni dalla segnalazione, è possibile
          inoltrare una segnalazione al Difensore civico per il digitale istituito presso l&apos;Agenzia per
          l&apos;Italia Digitale (AgID), ai sensi dell&apos;articolo 3-quinquies, comma 3, della legge 9 gennaio
          2004, n. 4, con le modalità indicate sul sito dell&apos;AgID (<a href="https://www.agid.gov.it">www.agid.gov.it</a>).
        </p>

        <h2 className="h3 mt-5">Informazioni sul sito</h2>
        <ul>
          <li>Titolare del sito: {SITE.ownerLongName}, {SITE.ownerAddress}.</li>
          <li>
            Il portale usa la libreria Bootstrap Italia 2 e i caratteri Titillium Web di Designers Italia, il sistema
            di design dei servizi digitali della Pubblica Amministrazione.
          </li>
          <li>Non sono ancora stati condotti test di usabilità con utenti.</li>
        </ul>
      </div>
    </PublicPage>
  );
}
