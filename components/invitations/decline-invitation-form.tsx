"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/fields";
import { IDLE, type FormAction, type FormState } from "@/lib/forms/action-state";
import type { DeclineInvitationRaw } from "@/lib/registrations/form-fields";

/** One button, no fields: declining needs no data and works without JavaScript. */
export function DeclineInvitationForm({ action }: { action: FormAction<DeclineInvitationRaw> }) {
  const [state, formAction, pending] = useActionState<FormState<DeclineInvitationRaw>, FormData>(action, IDLE);
  return (
    <form action={formAction}>
      <div aria-live="polite">
        {state.status === "error" && !pending ? (
          <div className="alert alert-danger mb-3">
            <p className="mb-0">{state.formError}</p>
          </div>
        ) : null}
        {state.status === "success" ? (
          <div className="alert alert-success mb-3">
            <p className="mb-0">{state.message}</p>
          </div>
        ) : null}
      </div>
      <SubmitButton pending={pending} variant="outline-primary">
        Non potrò partecipare
      </SubmitButton>
    </form>
  );
}
