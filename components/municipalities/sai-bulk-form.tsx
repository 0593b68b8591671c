"use client";
// The Comuni table inside one form: the ticked rows carry the ids, the
// pressed button the value to set. It posts and re-renders without
// JavaScript; with it, the header checkbox ticks the page and the selection
// is counted aloud.
import { type ChangeEvent, type ReactNode, useActionState, useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import { pluralForm } from "@/lib/platform/format/plural";
import { NO_SAI_CHANGE, type BulkSaiFlagRaw } from "@/lib/municipalities/dashboard/schema";

const FORM_ID = "comuni-selezionati";

type Props = { action: FormAction<BulkSaiFlagRaw>; children: ReactNode };

function boxes(form: HTMLFormElement | null): HTMLInputElement[] {
  return Array.from(form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]') ?? []);
}

export function SaiBulkForm({ action, children }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState({ count: 0, during: state });
  const selected = selection.during === state || state.status !== "success" ? selection.count : 0;

  useEffect(() => {
    if (state.status === "idle") return;
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

  const neutral = state.status === "success" && state.message.startsWith(NO_SAI_CHANGE);
  return (
    <form id={FORM_ID} ref={formRef} action={formAction} onChange={onChange} aria-busy={pending || undefined}>
      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" className="form-outcome">
        {pending ? <p className="mb-3">Operazione in corso…</p> : null}
        {!pending && state.status === "error" ? (
          <div className="alert alert-danger mb-3">
            <p className="mb-0">{state.formError ?? Object.values(state.fieldErrors)[0]}</p>
          </div>
        ) : null}
        {!pending && state.status === "success" ? (
          <div className={neutral ? "alert alert-info mb-3" : "alert alert-success mb-3"}>
            <p className="mb-0">{state.message}</p>
          </div>
        ) : null}
      </div>
      <fieldset className="border rounded p-3 mb-3">
        <legend className="h5 float-none w-auto px-1 mb-2">Adesione al SAI dei Comuni selezionati</legend>
        <p className="small mb-2">
          Spunta le righe nella tabella; la casella nell&apos;intestazione seleziona tutti i Comuni di questa pagina. Ogni modifica
          resta nel registro attività.
          {hydrated ? (
            <span aria-live="polite" className="d-block fw-semibold">
              {selected === 0
                ? "Nessun Comune selezionato."
                : `${selected} ${pluralForm(selected, { one: "Comune selezionato", other: "Comuni selezionati" })}.`}
            </span>
          ) : null}
        </p>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" name="saiMember" value="true" className="btn btn-sm btn-primary" disabled={pending}>
            Segna come aderenti al SAI
          </button>
          <button type="submit" name="saiMember" value="false" className="btn btn-sm btn-outline-danger" disabled={pending}>
            Togli l&apos;adesione al SAI
          </button>
        </div>
      </fieldset>
      {children}
    </form>
  );
}
