"use client";
// One action on one rule (send now, deactivate, delete): a plain form that
// posts without JavaScript. On success the page reloads with what happened;
// a refusal is said here, next to the button.
import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";

type Props<V> = {
  action: FormAction<V>;
  label: string;
  /** Says which rule, for screen readers: the same buttons repeat on every row. */
  context: string;
  variant?: "primary" | "outline-primary" | "outline-danger";
  /** Hidden fields the action reads ("active"). */
  hidden?: Record<string, string>;
};

export function RuleButton<V>({ action, label, context, variant = "outline-primary", hidden }: Props<V>) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`btn btn-sm btn-${variant} text-nowrap`} disabled={pending} aria-disabled={pending || undefined}>
        {pending ? "In corso…" : label}
        <span className="visually-hidden">: {context}</span>
      </button>
      <div role="status">{state.status === "error" ? <p className="alert alert-danger small p-2 mb-0 mt-1">{state.formError}</p> : null}</div>
    </form>
  );
}
