"use client";
// The import's one form: a select per ambiguous row (which registration, or
// none), whether to mark the other confirmed registrants absent, whether to
// overwrite hand-made records, and the apply button. It posts without
// JavaScript too; after an error the choices made are still there.
import type { ReactNode } from "react";
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { TableScroll } from "@/components/ui/table-scroll";
import type { AmbiguousRow } from "@/lib/attendance/import/preview";
import { minutesLabel } from "@/lib/attendance/messages";
import { CHOICE_PREFIX, NO_CHOICE, type ApplyRaw } from "@/lib/attendance/schema";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";

type Props = {
  action: FormAction<ApplyRaw>;
  ambiguous: AmbiguousRow[];
  missing: number;
  manual: number;
  /** The read-only sections, in the form's flow: matched, unmatched, registrants without a row, hand-made records. */
  sections: { matched: ReactNode; unmatched: ReactNode; missing: ReactNode; manual: ReactNode };
};

export function ApplyImportForm({ action, ambiguous, missing, manual, sections }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values: ApplyRaw = state.status === "idle" ? { markAbsent: false, overwriteManual: false, choices: {} } : state.values;
  return (
    <form action={formAction} key={state.status === "idle" ? "idle" : JSON.stringify(values)}>
      <section aria-labelledby="da-scegliere" className="mt-4">
        <h2 id="da-scegliere" className="h4">
          Da scegliere ({ambiguous.length})
        </h2>
        {ambiguous.length === 0 ? (
          <p>Nessuna riga corrisponde a più iscritti.</p>
        ) : (
          <>
            <p>Il nome di queste righe corrisponde a più iscritti: scegli quale, o nessuno (la riga sarà ignorata).</p>
            <TableScroll label="Tabella delle righe da scegliere">
              <table className="table align-top">
                <caption>Righe del report con più iscritti dello stesso nome</caption>
                <thead>
                  <tr>
                    <th scope="col">Nel report</th>
                    <th scope="col">Minuti</th>
                    <th scope="col">Iscritto</th>
                  </tr>
                </thead>
                <tbody>
                  {ambiguous.map((row) => {
                    const id = `${CHOICE_PREFIX}${row.index}`;
                    return (
                      <tr key={row.index}>
                        <th scope="row" className="fw-normal">
                          {row.name}
                          {row.email ? (
                            <>
                              <br />
                              <span className="small">{row.email}</span>
                            </>
                          ) : null}
                        </th>
                        <td>{minutesLabel(row.minutes)}</td>
                        <td>
                          <label htmlFor={id} className="visually-hidden">
                            Iscritto per la riga «{row.name}»
                          </label>
                          <select id={id} name={id} defaultValue={values.choices[String(row.index)] ?? NO_CHOICE} className="form-select form-select-sm">
                            <option value={NO_CHOICE}>Nessuno: ignora la riga</option>
                            {row.candidates.map((candidate) => (
                              <option key={candidate.id} value={candidate.id}>
                                {candidate.name} ({candidate.email})
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </section>

      {sections.matched}
      {sections.unmatched}

      <section aria-labelledby="senza-riga" className="mt-4">
        <h2 id="senza-riga" className="h4">
          Iscritti confermati senza riga nel report ({missing})
        </h2>
        {sections.missing}
        {missing > 0 ? (
          <div className="form-check">
            <input id="segnaAssenti" name="segnaAssenti" type="checkbox" defaultChecked={values.markAbsent} aria-describedby="segnaAssenti-aiuto" />
            <label htmlFor="segnaAssenti">Segna assenti gli altri iscritti confermati</label>
            <small id="segnaAssenti-aiuto" className="form-text d-block ps-5">
              Senza la spunta la loro presenza resta com&apos;è.
            </small>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="correzioni" className="mt-4">
        <h2 id="correzioni" className="h4">
          Presenze registrate a mano che il report cambierebbe ({manual})
        </h2>
        {manual === 0 ? <p>Nessuna.</p> : sections.manual}
        {manual > 0 ? (
          <div className="form-check">
            <input id="sovrascriviManuali" name="sovrascriviManuali" type="checkbox" defaultChecked={values.overwriteManual} aria-describedby="sovrascriviManuali-aiuto" />
            <label htmlFor="sovrascriviManuali">Sovrascrivi le correzioni manuali</label>
            <small id="sovrascriviManuali-aiuto" className="form-text d-block ps-5">
              Senza la spunta restano come sono i minuti inseriti a mano, le assenze registrate a mano e i check-in che il report segnerebbe assenti. Chi ha solo il check-in, o è segnato presente senza minuti, riceve comunque i minuti del report.
            </small>
          </div>
        ) : null}
      </section>

      <button type="submit" className="btn btn-primary mt-4" disabled={pending} aria-describedby="applica-esito">
        {pending ? "Importazione in corso…" : "Applica l'importazione"}
      </button>
      <ActionFeedback id="applica-esito" state={state} pending={pending} />
    </form>
  );
}
