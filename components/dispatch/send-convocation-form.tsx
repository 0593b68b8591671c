"use client";
// The confirmation: the audiences previewed and the count the coordinator
// saw travel with the button, so a list that changed meanwhile is refused,
// never sent blind. A plain form: it posts without JavaScript too.
import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { SendConvocationRaw } from "@/lib/dispatch/schema";
import { plural } from "@/lib/platform/format/plural";

type Props = {
  action: FormAction<SendConvocationRaw>;
  /** The audiences, comma-separated (audiencesField). */
  audiences: string;
  /** Whom sending now reaches. */
  recipients: number;
};

export function SendConvocationForm({ action, audiences, recipients }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mb-3">
      <input type="hidden" name="audiences" value={audiences} />
      <input type="hidden" name="expected" value={recipients} />
      {recipients > 0 ? (
        <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending || undefined}>
          {pending ? "Invio in corso…" : `Invia la convocazione a ${plural(recipients, "destinatario", "destinatari")}`}
        </button>
      ) : null}
      <div role="status" className="mt-2">
        {state.status === "success" ? <p className="alert alert-success mb-0">{state.message}</p> : null}
        {state.status === "error" ? <p className="alert alert-danger mb-0">{state.formError}</p> : null}
      </div>
    </form>
  );
}
