"use client";
import Link from "next/link";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/fields";
import { IDLE, type FormAction, type FormState } from "@/lib/platform/forms/action-state";
import type { DeclineInvitationRaw } from "@/lib/registrations/form-fields";

type DeclineInvitationFormProps = {
  action: FormAction<DeclineInvitationRaw>;
  /** The invitation's page, for whoever does not want to decline after all. */
  backHref: string;
};

/** The confirmation of a decline: one button, no fields, works without JavaScript. */
export function DeclineInvitationForm({ action, backHref }: DeclineInvitationFormProps) {
  const [state, formAction, pending] = useActionState<FormState<DeclineInvitationRaw>, FormData>(action, IDLE);
  return (
    <form action={formAction}>
      <div aria-live="polite">
        {state.status === "error" && !pending ? (
          <div className="alert alert-danger mb-3">
            <p className="mb-0">{state.formError}</p>
          </div>
        ) : null}
      </div>
      <div className="d-flex flex-wrap gap-3 align-items-center">
        <SubmitButton pending={pending} variant="primary">
          Sì, non potrò partecipare
        </SubmitButton>
        <Link className="btn btn-outline-primary" href={backHref}>
          No, torna all&apos;invito
        </Link>
      </div>
    </form>
  );
}
