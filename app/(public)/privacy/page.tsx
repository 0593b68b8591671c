import type { Metadata } from "next";
import { connection } from "next/server";
import { PublicPage } from "@/components/layout/public-page";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { SITE, ownerDetails } from "@/lib/site";
import { TableScroll } from "@/components/ui/table-scroll";
import { RetentionPeriods } from "@/components/retention/retention-periods";

export const metadata: Metadata = { title: "Informativa sul trattamento dei dati personali" };

const LAST_UPDATED = new Date(`${PRIVACY_NOTICE_VERSION}T12:00:00Z`);

const PURPOSES = [
  {
    purpose:
      "Organizzare gli incontri del Coordinamento: pubblicare le convocazioni, gestire iscrizioni e lista d'attesa, inviare il link di collegamento e le comunicazioni di servizio sull'incontro, inoltrare gli inviti ai rappresentanti degli enti gestori indicati dai Comuni, registrare le presenze.",
    basis:
      "Esecuzione di un compito di interesse pubblico (art. 6, par. 1, lett. e) svolto nell'ambito del progetto COOPERA finanziato dal FAMI e legittimo interesse del Titolare a organizzare le attività del progetto (art. 6, par. 1, lett. f).",
  },
  {
    purpose: "Gestire la scheda referenti: registrare i referenti che ciascun Comune designa per il Coordinamento.",
    basis: "Esecuzione di un compito di interesse pubblico e legittimo interesse, come sopra (art. 6, par. 1, lett. e ed f).",
  },
  {
    purpose:
      "Rendicontare le attività al finanziatore: elenchi dei partecipanti e registri delle presenze per il Ministero dell'Interno e per i controlli e gli audit del FAMI.",
    basis:
      "Adempimento di un obbligo legale (art. 6, par. 1, lett. c) previsto dalla normativa europea e nazionale sul Fondo Asilo, Migrazione e Integrazione.",
  },
  {
    purpose:
      "Inviare informazioni sulle prossime iniziative informative, formative e di scambio di buone pratiche del Coordinamento e del progetto.",
    basis:
      "Consenso (art. 6, par. 1, lett. a), facoltativo e revocabile in ogni momento, senza pregiudicare la liceità del trattamento svolto prima della revoca.",
  },
  {
    purpose: "Proteggere il portale da abusi e accessi non autorizzati.",
    basis: "Legittimo interesse del Titolare alla sicurezza del servizio (art. 6, par. 1, lett. f).",
  },
];

/** Dynamic: the retention periods are read from this server's settings, the ones the daily run applies. */
export default async function PrivacyPage() {
  await connection();
  const mailto = `mailto:${SITE.contactEmail}`;
  const { pec, taxCode, dpo } = ownerDetails();
  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <div className="letter">
        <h1>Informativa sul trattamento dei dati personali</h1>
        <p className="lead">ai sensi dell&apos;art. 13 del Regolamento (UE) 2016/679 (GDPR)</p>
        <p>
          Versione del <time dateTime={PRIVACY_NOTICE_VERSION}>{formatIsoCalendarDate(PRIVACY_NOTICE_VERSION)}</time>{" "}
          (codice versione {PRIVACY_NOTICE_VERSION}).
        </p>
        <p>
          Questa informativa riguarda i dati personali raccolti con il portale Convoca, attraverso il quale ANCI
          Sicilia convoca gli incontri del Coordinamento dei Comuni siciliani aderenti al SAI e ne gestisce le
          iscrizioni, gli inviti agli enti gestori e la scheda referenti.
        </p>

        <h2 className="h3 mt-5">1. Titolare del trattamento</h2>
        <p>
          {SITE.ownerLongName}, {SITE.ownerAddress}, codice fiscale {taxCode}. Per le richieste relative a questa
          informativa è possibile scrivere a <a href={mailto}>{SITE.contactEmail}</a> o alla posta elettronica
          certificata {pec.includes("@") ? <a href={`mailto:${pec}`}>{pec}</a> : pec}.
        </p>

        <h2 className="h3 mt-5" id="rpd">
          2. Responsabile della protezione dei dati
        </h2>
        <p>
          Il Responsabile della protezione dei dati (RPD o DPO) è: {dpo.name}. Può essere contattato per tutte le
          questioni relative al trattamento dei dati personali e all&apos;esercizio dei diritti scrivendo a{" "}
          <a href={`mailto:${dpo.email}`}>{dpo.email}</a>
          {dpo.ownEmail ? null : <> (all&apos;attenzione del Responsabile della protezione dei dati)</>}
          {dpo.pec ? (
            <>
              {" "}
              o alla posta elettronica certificata <a href={`mailto:${dpo.pec}`}>{dpo.pec}</a>
            </>
          ) : null}
          .
        </p>

        <h2 className="h3 mt-5">3. Dati trattati</h2>
        <ul>
          <li>dati identificativi: nome e cognome;</li>
          <li>dati di contatto: indirizzo email e, se indicato, numero di telefono;</li>
          <li>ruolo o qualifica ed ente di appartenenza (Comune, ente gestore o altro ente);</li>
          <li>
            dati sulla partecipazione: iscrizioni, eventuali inviti ricevuti o inoltrati, presenza e durata della
            partecipazione agli incontri;
          </li>
          <li>consensi espressi, con data e ora e versione dell&apos;informativa accettata;</li>
          <li>dati tecnici strettamente necessari al funzionamento e alla sicurezza del portale.</li>
        </ul>
        <p>
          Il portale non raccoglie dati sulle persone accolte nei progetti SAI, né categorie particolari di dati
          (art. 9 GDPR). Se i Suoi dati ci sono stati comunicati da un referente comunale che L&apos;ha indicata come
          rappresentante di un ente gestore, la fonte dei dati è il Comune che ha effettuato l&apos;indicazione.
        </p>

        <h2 className="h3 mt-5">4. Finalità e basi giuridiche</h2>
        <TableScroll label="Tabella delle finalità e delle basi giuridiche">
          <table className="table">
            <caption className="visually-hidden">Finalità del trattamento e relative basi giuridiche</caption>
            <thead>
              <tr>
                <th scope="col">Finalità</th>
                <th scope="col">Base giuridica</th>
              </tr>
            </thead>
            <tbody>
              {PURPOSES.map((row) => (
                <tr key={row.purpose}>
                  <td>{row.purpose}</td>
                  <td>{row.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p>
          I dati necessari all&apos;iscrizione sono obbligatori: senza di essi non è possibile registrare la
          partecipazione. Il consenso alle comunicazioni future è facoltativo e il rifiuto non ha conseguenze
          sull&apos;iscrizione. L&apos;eventuale registrazione audio o video di un incontro o la pubblicazione del
          nome dei partecipanti avvengono solo con un consenso specifico e separato, richiesto di volta in volta.
        </p>

        <h2 className="h3 mt-5">5. Destinatari</h2>
        <ul>
          <li>il personale di ANCI Sicilia e i collaboratori del progetto COOPERA autorizzati al trattamento;</li>
          <li>
            il personale dei Comuni e degli enti gestori interessati, limitatamente a quanto necessario (ad esempio, il
            referente comunale che ha indicato un rappresentante di ente gestore è informato dell&apos;esito
            dell&apos;invito);
          </li>
          <li>
            il Ministero dell&apos;Interno, le autorità del Fondo Asilo, Migrazione e Integrazione e gli organismi di
            controllo e di audit, per la rendicontazione e le verifiche sul progetto;
          </li>
          <li>
            i fornitori del servizio di posta elettronica, della piattaforma di videoconferenza e dei servizi di
            hosting, che operano come responsabili del trattamento (art. 28 GDPR) secondo le istruzioni del Titolare.
          </li>
        </ul>
        <p>I dati non sono diffusi.</p>

        <h2 className="h3 mt-5">6. Trasferimenti fuori dall&apos;Unione europea</h2>
        <p>
          Se un fornitore tratta dati al di fuori dello Spazio economico europeo, il trasferimento avviene solo con
          garanzie adeguate ai sensi del capo V del GDPR, come una decisione di adeguatezza della Commissione europea o
          le clausole contrattuali tipo approvate dalla Commissione. Una copia delle garanzie può essere richiesta al
          Titolare.
        </p>

        <h2 className="h3 mt-5" id="conservazione">
          7. Periodo di conservazione
        </h2>
        <RetentionPeriods />

        <h2 className="h3 mt-5">8. Diritti dell&apos;interessato</h2>
        <p>
          Può chiedere in qualsiasi momento l&apos;accesso ai Suoi dati (art. 15), la rettifica (art. 16), la
          cancellazione (art. 17), la limitazione del trattamento (art. 18), la portabilità dei dati (art. 20) e
          opporsi al trattamento basato sul compito di interesse pubblico o sul legittimo interesse (art. 21). Può
          revocare il consenso in qualsiasi momento (art. 7, par. 3). La cancellazione può essere limitata per i dati
          che devono essere conservati per gli obblighi di rendicontazione del FAMI.
        </p>

        <h2 className="h3 mt-5">9. Come esercitare i diritti</h2>
        <p>
          Scriva a <a href={mailto}>{SITE.contactEmail}</a> o al{" "}
          <a href="#rpd">Responsabile della protezione dei dati</a>. Risponderemo
          entro un mese dalla richiesta, termine prorogabile di due mesi nei casi complessi (art. 12 GDPR). Può
          consultare, modificare o annullare la Sua iscrizione anche dal link personale ricevuto per email e revocare il
          consenso alle comunicazioni dal collegamento presente in ciascun messaggio.
        </p>

        <h2 className="h3 mt-5">10. Reclamo all&apos;autorità di controllo</h2>
        <p>
          Se ritiene che il trattamento violi il GDPR, può proporre reclamo al Garante per la protezione dei dati
          personali, Piazza Venezia 11, 00187 Roma, secondo le modalità indicate sul sito del Garante (
          <a href="https://www.garanteprivacy.it">www.garanteprivacy.it</a>), oppure ricorrere all&apos;autorità
          giudiziaria.
        </p>

        <h2 className="h3 mt-5">11. Cookie</h2>
        <p>
          Il portale usa solo cookie tecnici, necessari al suo funzionamento (ad esempio il cookie di sessione
          dell&apos;area riservata ai coordinatori). Non usa cookie di profilazione né strumenti di tracciamento di
          terze parti e i caratteri tipografici sono serviti dal portale stesso. Per questo, come previsto dalle Linee
          guida del Garante del 10 giugno 2021, non è mostrato alcun banner sui cookie.
        </p>

        <h2 className="h3 mt-5">12. Processi decisionali automatizzati</h2>
        <p>Non è svolto alcun processo decisionale automatizzato, compresa la profilazione (art. 22 GDPR).</p>

        <h2 className="h3 mt-5">13. Modifiche all&apos;informativa</h2>
        <p>
          L&apos;informativa può essere aggiornata; la versione in vigore, con la sua data, è sempre pubblicata in
          questa pagina e ogni iscrizione registra la versione accettata.
        </p>
      </div>
    </PublicPage>
  );
}
