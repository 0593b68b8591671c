import { TableScroll } from "@/components/ui/table-scroll";
import { FAMI_RETENTION_BASIS } from "@/lib/privacy/notice";
import type { ReactNode } from "react";
import { OUTCOME_LABEL, RETENTION_KINDS, RETENTION_KIND_TEXT, type RetentionKind } from "@/lib/retention/labels";
import { readRetentionSettings, type RetentionSettings } from "@/lib/retention/settings";
import { SITE } from "@/lib/site";

/**
 * The privacy notice's retention periods, written from the settings the
 * daily run applies (server-side: they are this server's environment).
 */
export function RetentionPeriods() {
  const result = readRetentionSettings();
  if (!result.ok) {
    return (
      <p>
        I periodi di conservazione sono in corso di aggiornamento e nel frattempo nessun dato viene cancellato. Per conoscerli
        può scrivere a <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a>.
      </p>
    );
  }
  const { settings } = result;
  return (
    <>
      <p>{FAMI_RETENTION_BASIS}</p>
      <p>
        Ogni giorno il portale rende anonimi o cancella i dati il cui periodo è trascorso. Rendere anonimo un dato significa
        sostituire nome, contatti e testi liberi con «Dato cancellato»: restano solo i conteggi, come il numero di iscritti e di
        presenti a ciascun incontro.
      </p>
      <TableScroll label="Tabella dei periodi di conservazione">
        <table className="table">
          <caption className="visually-hidden">Periodi di conservazione per tipo di dato e che cosa accade alla loro scadenza</caption>
          <thead>
            <tr>
              <th scope="col">Dati</th>
              <th scope="col">Conservati per</th>
              <th scope="col">Poi</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION_KINDS.map((kind) => (
              <RetentionKindRow key={kind} kind={kind} settings={settings} />
            ))}
            <tr>
              <th scope="row">Consenso alle comunicazioni future</th>
              <td>fino alla revoca</td>
              <td>Alla revoca non si ricevono più comunicazioni; i dati restano per gli altri scopi indicati sopra.</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <p>I link personali di iscrizione e di invito scadono dopo l&apos;incontro.</p>
    </>
  );
}

/** One kind of record: what it is, how long it is kept, what then happens to it; `children` adds cells (the dashboard's count). */
export function RetentionKindRow({ kind, settings, children }: { kind: RetentionKind; settings: RetentionSettings; children?: ReactNode }) {
  const text = RETENTION_KIND_TEXT[kind];
  return (
    <tr>
      <th scope="row">{text.label}</th>
      <td>{text.period(settings)}</td>
      <td>
        {OUTCOME_LABEL[text.outcome]}: {text.what}
      </td>
      {children}
    </tr>
  );
}
