"use client";
// One registrant's attendance corrected by hand: present or absent and the
// minutes, saved on their own. A plain form: it posts without JavaScript too.
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { CorrectionRaw } from "@/lib/attendance/schema";

type Props = {
  action: FormAction<CorrectionRaw>;
  registrationId: string;
  name: string;
  initial: CorrectionRaw;
};

export function CorrectionForm({ action, registrationId, name, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values = state.status === "idle" ? initial : state.values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const base = `correzione-${registrationId}`;
  const feedback = `${base}-esito`;
  const error = (field: "status" | "minutes") =>
    errors[field] ? (
      <div id={`${base}-${field}-errore`} className="invalid-feedback d-block">
        <span className="visually-hidden">Errore: </span>
        {errors[field]}
      </div>
    ) : null;
  const describedBy = (field: "status" | "minutes") => [errors[field] ? `${base}-${field}-errore` : null, feedback].filter(Boolean).join(" ");
  return (
    <form action={formAction} className="d-flex flex-wrap align-items-start gap-2" key={`${values.status}-${values.minutes}`}>
      <div>
        <label htmlFor={`${base}-status`} className="visually-hidden">
          Presenza di {name}
        </label>
        <select
          id={`${base}-status`}
          name="status"
          defaultValue={values.status}
          className="form-select form-select-sm"
          aria-invalid={errors.status ? true : undefined}
          aria-describedby={describedBy("status")}
        >
          <option value="">—</option>
          <option value="PRESENT">Presente</option>
          <option value="ABSENT">Assente</option>
        </select>
        {error("status")}
      </div>
      <div style={{ maxWidth: "7rem" }}>
        <label htmlFor={`${base}-minutes`} className="visually-hidden">
          Minuti di {name}
        </label>
        <input
          id={`${base}-minutes`}
          name="minutes"
          type="text"
          inputMode="numeric"
          defaultValue={values.minutes}
          placeholder="minuti"
          className={errors.minutes ? "form-control form-control-sm is-invalid" : "form-control form-control-sm"}
          aria-invalid={errors.minutes ? true : undefined}
          aria-describedby={describedBy("minutes")}
        />
        {error("minutes")}
      </div>
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={pending}>
        Salva<span className="visually-hidden"> la presenza di {name}</span>
      </button>
      <ActionFeedback id={feedback} state={state} pending={pending} />
    </form>
  );
}
