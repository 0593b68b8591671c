"use client";
// The registrations table inside one form: the pressed button carries the
// operation (for the selection, or one row's own button), the ticked rows
// carry the ids. It posts and re-renders without JavaScript; with it, the
// header checkbox ticks the page, a count of the selection is announced, and
// cancelling asks for confirmation first.
import { type ChangeEvent, type FormEvent, type ReactNode, useActionState, useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { BulkRaw } from "@/lib/registrations/dashboard/form-fields";
import { plural, pluralForm } from "@/lib/platform/format/plural";

const FORM_ID = "iscrizioni-selezionate";

type BulkActionsFormProps = {
  action: FormAction<BulkRaw>;
  /** The table, with its checkboxes and row buttons. */
  children: ReactNode;
  /** A cancelled meeting: its registrants were told; only attendance can still be recorded. */
  attendanceOnly?: boolean;
};

function boxes(form: HTMLFormElement | null): HTMLInputElement[] {
  return Array.from(form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]') ?? []);
}

export function BulkActionsForm({ action, children, attendanceOnly = false }: BulkActionsFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The count belongs to the state it was taken in: a success clears the
  // ticks (the form is reset), so the count taken before it no longer holds.
  const [selection, setSelection] = useState({ count: 0, during: state });
  const selected = selection.during === state || state.status !== "success" ? selection.count : 0;

  useEffect(() => {
    if (state.status === "idle") return;
    // A row's "Azioni" menu has done its job: shut it (without JavaScript the page is new anyway).
    for (const menu of formRef.current?.querySelectorAll("details[open]") ?? []) (menu as HTMLDetailsElement).open = false;
    if (state.status === "success") {
      formRef.current?.reset();
      const all = formRef.current?.querySelector<HTMLInputElement>('input[name="selectAll"]');
      if (all) all.indeterminate = false;
    }
    outcomeRef.current?.focus();
  }, [state]);

  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const target = event.target as unknown as HTMLInputElement;
    const rows = boxes(formRef.current);
    const all = formRef.current?.querySelector<HTMLInputElement>('input[name="selectAll"]');
    if (target.name === "selectAll") for (const box of rows) box.checked = target.checked;
    const ticked = rows.filter((box) => box.checked).length;
    if (all && target.name === "ids") {
      all.checked = ticked > 0 && ticked === rows.length;
      all.indeterminate = ticked > 0 && ticked < rows.length;
    }
    setSelection({ count: ticked, during: state });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = submitter?.value ?? "";
    if (!intent.startsWith("cancel")) return;
    const question = intent.includes(":")
      ? "Annullare questa iscrizione? La persona riceverà un'email e il posto passerà alla prima persona in lista d'attesa."
      : `Annullare ${pluralForm(selected, { one: "l'iscrizione selezionata", other: `le ${selected} iscrizioni selezionate` })}? Ogni persona riceverà un'email.`;
    if (!window.confirm(question)) event.preventDefault();
  };

  return (
    <form id={FORM_ID} ref={formRef} action={formAction} onChange={onChange} onSubmit={onSubmit} aria-busy={pending || undefined}>
      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" className="form-outcome">
        {pending ? <p className="mb-3">Operazione in corso…</p> : null}
        {!pending && state.status === "error" ? (
          <div className="alert alert-danger mb-3">
            <p className="mb-0">{state.formError}</p>
          </div>
        ) : null}
        {!pending && state.status === "success" ? (
          <div className={`alert ${state.status === "success" && state.tone === "info" ? "alert-info" : "alert-success"} mb-3`}>
            <p className="mb-0">{state.message}</p>
          </div>
        ) : null}
      </div>
      <fieldset className="border rounded p-3 mb-3">
        <legend className="h5 float-none w-auto px-1 mb-2">Operazioni sulle iscrizioni selezionate</legend>
        <p className="small mb-2">
          Spunta le righe nella tabella; la casella nell&apos;intestazione della tabella seleziona tutte le righe di questa pagina.
          {hydrated ? (
            <span aria-live="polite" className="d-block fw-semibold">
              {selected === 0 ? "Nessuna iscrizione selezionata." : `${plural(selected, "iscrizione selezionata", "iscrizioni selezionate")}.`}
            </span>
          ) : null}
        </p>
        <div className="d-flex flex-wrap gap-2">
          {attendanceOnly ? null : (
            <button type="submit" name="intent" value="confirm" className="btn btn-sm btn-primary" disabled={pending}>
              Conferma dalla lista d&apos;attesa
            </button>
          )}
          <button type="submit" name="intent" value="check-in" className="btn btn-sm btn-outline-primary" disabled={pending}>
            Check-in ora
          </button>
          <button type="submit" name="intent" value="present" className="btn btn-sm btn-outline-primary" disabled={pending}>
            Segna presenti
          </button>
          <button type="submit" name="intent" value="absent" className="btn btn-sm btn-outline-primary" disabled={pending}>
            Segna assenti
          </button>
          {attendanceOnly ? null : (
            <>
              <button type="submit" name="intent" value="resend" className="btn btn-sm btn-outline-primary" disabled={pending}>
                Reinvia link personale
              </button>
              <button type="submit" name="intent" value="cancel" className="btn btn-sm btn-outline-danger" disabled={pending}>
                Annulla iscrizioni
              </button>
            </>
          )}
        </div>
        <div className="form-check mt-3 mb-0" hidden={attendanceOnly}>
          <input id={`${FORM_ID}-oltre-capienza`} type="checkbox" name="overCapacity" aria-describedby={`${FORM_ID}-oltre-capienza-aiuto`} />
          <label htmlFor={`${FORM_ID}-oltre-capienza`}>Conferma anche oltre la capienza</label>
          <small id={`${FORM_ID}-oltre-capienza-aiuto`} className="form-text d-block ps-5">
            Senza questa spunta, dalla lista d&apos;attesa si conferma solo nei posti liberi.
          </small>
        </div>
      </fieldset>
      {children}
    </form>
  );
}
