import type { Metadata } from "next";
import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { plural } from "@/lib/platform/format/plural";
import { retentionCutoffs } from "@/lib/retention/due";
import { RetentionKindRow } from "@/components/retention/retention-periods";
import { RETENTION_KINDS, RETENTION_KIND_TEXT } from "@/lib/retention/labels";
import { listRetentionRuns, planRetention } from "@/lib/retention/queries";
import { REPORTING_CLOSED_ON_VARIABLE, RETENTION_VARIABLES, readRetentionSettings, type RetentionSettings } from "@/lib/retention/settings";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Conservazione dei dati" };

const number = (count: number) => count.toLocaleString("it-IT");

/**
 * Retention for administrators: the periods in force (the privacy notice's),
 * what the next daily run would anonymise or delete if it ran now (a dry run:
 * nothing is changed here), and what the runs so far did.
 */
export default async function RetentionPage() {
  await guardPage("admin");
  const result = readRetentionSettings();
  const now = new Date();
  const runs = await listRetentionRuns(db());

  return (
    <>
      <h1>Conservazione dei dati</h1>
      <p className="lead">
        Ogni giorno, con la prima esecuzione delle attività pianificate dopo la mezzanotte, il portale rende anonimi o cancella i
        dati il cui periodo di conservazione è trascorso, come promette l&apos;
        <Link href={`${routes.privacy()}#conservazione`}>informativa sul trattamento dei dati</Link>. Questa pagina non modifica
        nulla: mostra che cosa farebbe l&apos;esecuzione se partisse adesso.
      </p>

      {result.ok ? (
        <Plan now={now} settings={result.settings} />
      ) : (
        <div className="alert alert-danger" role="alert">
          <h2 className="h4">Impostazioni non valide: la conservazione è ferma</h2>
          <p>Finché non sono corrette nessun dato viene anonimizzato o cancellato e l&apos;informativa non mostra i periodi.</p>
          <ul className="mb-0">
            {result.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby="esecuzioni" className="mt-5">
        <h2 id="esecuzioni">Esecuzioni recenti</h2>
        {runs.length === 0 ? (
          <p>Nessuna esecuzione finora.</p>
        ) : (
          <TableScroll label="Tabella delle esecuzioni recenti">
            <table className="table">
              <caption>Le ultime {plural(runs.length, "esecuzione", "esecuzioni")}, dalla più recente, con quanti dati ha trattato ciascuna.</caption>
              <thead>
                <tr>
                  <th scope="col">Giorno</th>
                  <th scope="col">Iniziata</th>
                  <th scope="col">Esito</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => {
                  const touched = RETENTION_KINDS.filter((kind) => (run.counts?.[kind] ?? 0) > 0);
                  return (
                    <tr key={run.id}>
                      <th scope="row">{formatIsoCalendarDate(run.day.toISOString().slice(0, 10))}</th>
                      <td>
                        <RomeTime date={run.startedAt} />
                      </td>
                      <td>
                        {!run.finishedAt ? (
                          "In corso o interrotta (sarà ripresa dopo un'ora)"
                        ) : touched.length === 0 ? (
                          "Nessun dato da trattare"
                        ) : (
                          <ul className="mb-0 ps-3">
                            {touched.map((kind) => (
                              <li key={kind}>
                                {RETENTION_KIND_TEXT[kind].label}: {number(run.counts?.[kind] ?? 0)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="impostazioni" className="mt-5">
        <h2 id="impostazioni">Come si cambiano i periodi</h2>
        <p>
          I periodi sono impostazioni del server, lette all&apos;avvio dalle variabili d&apos;ambiente (README, «Conservazione dei
          dati»): {Object.values(RETENTION_VARIABLES).map((item) => item.variable).join(", ")} e {REPORTING_CLOSED_ON_VARIABLE}, la
          data di chiusura del progetto ai fini della rendicontazione. Un valore non valido ferma la conservazione invece di essere
          sostituito da quello predefinito.
        </p>
      </section>
    </>
  );
}

async function Plan({ now, settings }: { now: Date; settings: RetentionSettings }) {
  const plan = await planRetention(db(), retentionCutoffs(settings, now));
  const total = RETENTION_KINDS.reduce((sum, kind) => sum + plan[kind], 0);
  return (
    <section aria-labelledby="prossima" className="mt-4">
      <h2 id="prossima">Prossima esecuzione</h2>
      <p>
        {total === 0
          ? "Se partisse adesso, non troverebbe dati da anonimizzare o cancellare."
          : `Se partisse adesso, tratterebbe ${plural(total, "dato", "dati")}, suddivisi per tipo nella tabella.`}{" "}
        Conteggio aggiornato a <RomeTime date={now} />.
      </p>
      <TableScroll label="Tabella della prossima esecuzione">
        <table className="table">
          <caption>Per ogni tipo di dato: per quanto tempo è conservato, che cosa accade alla scadenza e quanti dati sono scaduti ora.</caption>
          <thead>
            <tr>
              <th scope="col">Dati</th>
              <th scope="col">Conservati per</th>
              <th scope="col">Alla scadenza</th>
              <th scope="col" className="text-end">
                Scaduti ora
              </th>
            </tr>
          </thead>
          <tbody>
            {RETENTION_KINDS.map((kind) => (
              <RetentionKindRow key={kind} kind={kind} settings={settings}>
                <td className="text-end">{number(plan[kind])}</td>
              </RetentionKindRow>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
