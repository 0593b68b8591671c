import type { FormState } from "@/lib/platform/forms/action-state";

/**
 * What a one-button form's action answered, in a live region next to the
 * button: read out when it changes, and kept on the page without JavaScript.
 */
export function ActionFeedback({ id, state, pending }: { id: string; state: FormState<unknown>; pending: boolean }) {
  const text = pending
    ? "Operazione in corso…"
    : state.status === "error"
      ? (state.formError ?? Object.values(state.fieldErrors)[0])
      : state.status === "success"
        ? state.message
        : null;
  return (
    <div id={id} aria-live="polite" className="small mt-1">
      {text ? (
        <span className={state.status === "error" && !pending ? "text-danger" : undefined}>
          {state.status === "error" && !pending ? <span className="visually-hidden">Errore: </span> : null}
          {text}
        </span>
      ) : null}
    </div>
  );
}
