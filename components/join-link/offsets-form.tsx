"use client";
// When the link goes out by itself: one row per moment before the start
// (amount + unit), a box to remove it, and blank rows to add one. A plain
// form: without JavaScript it posts and comes back with the errors in place.
import { useActionState, useRef, useState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { currentValues, fieldId, IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import { OFFSET_UNITS, offsetUnitLabel, type OffsetUnit, type OffsetsRaw } from "@/lib/join-link/schema";

const FORM_ID = "orari-link";

type Props = {
  action: FormAction<OffsetsRaw>;
  initial: OffsetsRaw;
  /** How many of the rows are saved offsets (the others are blank, to add). */
  saved: number;
};

export function OffsetsForm({ action, initial, saved }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const summaryRef = useRef<HTMLDivElement>(null);
  const values = currentValues(state, initial);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const order = values.offsets.flatMap((_, index) => [`offsets.${index}.amount`, `offsets.${index}.unit`]);
  // Saved again: the rows start over from what was saved.
  const savedRows = state.status === "success" ? values.offsets.filter((row) => row.amount !== "").length : saved;
  const version = state.status === "idle" ? "idle" : JSON.stringify(state);
  // What is typed in each amount, so the unit beside it agrees: "1 giorno prima", "2 giorni prima".
  const [typed, setTyped] = useState<Record<string, string>>({});

  return (
    <form id={FORM_ID} action={formAction} noValidate>
      <ErrorSummary
        formId={FORM_ID}
        errors={errors}
        order={order}
        formError={state.status === "error" ? state.formError : undefined}
        successMessage={state.status === "success" ? state.message : undefined}
        summaryRef={summaryRef}
        headingLevel={3}
        contextFor={(path) => `Invio ${Number(path.split(".")[1]) + 1}`}
      />
      {values.offsets.map((row, index) => {
        const isNew = index >= savedRows;
        const amountPath = `offsets.${index}.amount`;
        const unitPath = `offsets.${index}.unit`;
        const amountError = errors[amountPath];
        const unitError = errors[unitPath];
        const legend = isNew ? `Nuovo invio (${index + 1})` : `Invio ${index + 1}`;
        return (
          <fieldset key={`${version}-${index}`} className="border rounded p-3 mb-3">
            <legend className="h6 float-none w-auto px-1 mb-2">{legend}</legend>
            <div className="row g-3 align-items-end">
              <div className="col-12 col-sm-4">
                <label htmlFor={fieldId(FORM_ID, amountPath)} className="form-label">
                  Quanto prima dell&apos;inizio
                </label>
                <input
                  id={fieldId(FORM_ID, amountPath)}
                  name={amountPath}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  className={`form-control${amountError ? " is-invalid" : ""}`}
                  defaultValue={row.amount}
                  onChange={(event) => setTyped((current) => ({ ...current, [`${version}-${index}`]: event.target.value }))}
                  aria-invalid={amountError ? true : undefined}
                  aria-describedby={amountError ? `${fieldId(FORM_ID, amountPath)}-errore` : undefined}
                />
                {amountError ? (
                  <p id={`${fieldId(FORM_ID, amountPath)}-errore`} className="invalid-feedback d-block mb-0">
                    {amountError}
                  </p>
                ) : null}
              </div>
              <div className="col-12 col-sm-4">
                <label htmlFor={fieldId(FORM_ID, unitPath)} className="form-label">
                  Unità
                </label>
                <select
                  id={fieldId(FORM_ID, unitPath)}
                  name={unitPath}
                  className={`form-select${unitError ? " is-invalid" : ""}`}
                  defaultValue={row.unit || "ore"}
                  aria-invalid={unitError ? true : undefined}
                  aria-describedby={unitError ? `${fieldId(FORM_ID, unitPath)}-errore` : undefined}
                >
                  {(Object.keys(OFFSET_UNITS) as OffsetUnit[]).map((unit) => (
                    <option key={unit} value={unit}>
                      {offsetUnitLabel(unit, typed[`${version}-${index}`] ?? row.amount)}
                    </option>
                  ))}
                </select>
                {unitError ? (
                  <p id={`${fieldId(FORM_ID, unitPath)}-errore`} className="invalid-feedback d-block mb-0">
                    {unitError}
                  </p>
                ) : null}
              </div>
              {!isNew ? (
                <div className="col-12 col-sm-4">
                  <div className="form-check">
                    <input
                      id={fieldId(FORM_ID, `offsets.${index}.remove`)}
                      name={`offsets.${index}.remove`}
                      type="checkbox"
                      value="1"
                      className="form-check-input"
                      defaultChecked={row.remove !== ""}
                    />
                    <label htmlFor={fieldId(FORM_ID, `offsets.${index}.remove`)} className="form-check-label">
                      Rimuovi questo invio
                    </label>
                  </div>
                </div>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <p className="small text-muted">
        Per aggiungere un invio compila un riquadro «Nuovo invio»; i riquadri lasciati vuoti sono ignorati. Al massimo 6
        invii, fino a 30 giorni prima dell&apos;inizio.
      </p>
      <button type="submit" className="btn btn-outline-primary" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? "Salvataggio…" : "Salva gli orari di invio"}
      </button>
    </form>
  );
}
