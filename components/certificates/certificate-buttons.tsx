"use client";
// One-button forms of the attestati page: issue to everyone eligible, or act
// on one person's attestato. Plain forms: they post without JavaScript too,
// and say the outcome in a live region next to the button.
import { useActionState, type ReactNode } from "react";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { BulkRaw, CertificateRaw } from "@/lib/certificates/schema";
import { plural, pluralForm } from "@/lib/platform/format/plural";

function Outcome({ state }: { state: { status: string; message?: string; formError?: string } }) {
  return (
    <div role="status" className="small mt-1">
      {state.status === "success" ? <p className="text-success mb-0">{state.message}</p> : null}
      {state.status === "error" ? <p className="text-danger mb-0">{state.formError}</p> : null}
    </div>
  );
}

export function IssueAllForm({ action, count }: { action: FormAction<BulkRaw>; count: number }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mb-3">
      <button type="submit" className="btn btn-primary" disabled={pending || count === 0} aria-disabled={pending || count === 0 || undefined}>
        {pending ? "Invio in corso…" : `${pluralForm(count, { one: "Rilascia e invia l'attestato", other: "Rilascia e invia gli attestati" })} (${plural(count, "persona", "persone")})`}
      </button>
      <Outcome state={state} />
    </form>
  );
}

type OneProps = {
  action: FormAction<CertificateRaw>;
  /** The attestato's updatedAt as shown: a repeated press finds it changed and does nothing more. */
  version?: string;
  /** Who it is about, for screen readers: "Maria Rossi". */
  person: string;
  variant?: "primary" | "outline-primary" | "outline-danger";
  children: ReactNode;
};

export function CertificateButton({ action, version, person, variant = "outline-primary", children }: OneProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <button type="submit" className={`btn btn-sm btn-${variant}`} disabled={pending} aria-disabled={pending || undefined}>
        {pending ? "Invio in corso…" : children}
        <span className="visually-hidden"> ({person})</span>
      </button>
      <Outcome state={state} />
    </form>
  );
}
