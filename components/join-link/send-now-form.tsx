"use client";
// "Invia ora": the join link to every confirmed registrant, now. A plain
// form: it posts without JavaScript too.
import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { SendNowRaw } from "@/lib/join-link/schema";

type Props = {
  action: FormAction<SendNowRaw>;
  /** Confirmed registrants right now. */
  confirmed: number;
};

export function SendNowForm({ action, confirmed }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mb-3">
      <p>
        {confirmed === 1
          ? "Il link di collegamento sarà inviato subito all'unico iscritto confermato."
          : `Il link di collegamento sarà inviato subito ai ${confirmed} iscritti confermati.`}{" "}
        Chi è in lista d&apos;attesa non lo riceve; chi si iscrive dopo l&apos;invio lo trova nell&apos;email di conferma.
      </p>
      <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? "Invio in corso…" : "Invia ora"}
      </button>
      <div role="status" className="mt-2">
        {state.status === "success" ? <p className="alert alert-success mb-0">{state.message}</p> : null}
        {state.status === "error" ? <p className="alert alert-danger mb-0">{state.formError}</p> : null}
      </div>
    </form>
  );
}
