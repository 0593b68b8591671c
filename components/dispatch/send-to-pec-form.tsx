"use client";
// For a Comune whose referents' emails bounced: the convocation to its PEC.
import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { SendToPecRaw } from "@/lib/dispatch/schema";

type Props = { action: FormAction<SendToPecRaw>; municipalityId: string; municipalityName: string; pec: string };

export function SendToPecForm({ action, municipalityId, municipalityName, pec }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-2">
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <p className="small mb-1">
        Le email ai referenti non sono state recapitate: puoi inviare la convocazione alla PEC del Comune ({pec}).
      </p>
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? "Invio in corso…" : `Invia alla PEC del Comune di ${municipalityName}`}
      </button>
      <div role="status" className="mt-1">
        {state.status === "success" ? <p className="alert alert-success small mb-0">{state.message}</p> : null}
        {state.status === "error" ? <p className="alert alert-danger small mb-0">{state.formError}</p> : null}
      </div>
    </form>
  );
}
