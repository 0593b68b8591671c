"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/fields";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { MeetingStatusRaw } from "@/lib/meetings/form";

type StatusActionFormProps = {
  action: FormAction<MeetingStatusRaw>;
  /** Unique on the page: the outcome region's id derives from it. */
  id: string;
  label: string;
  description: string;
  variant?: "primary" | "outline-primary" | "danger";
};

/**
 * One change of a meeting's status as a button in a form of its own: it posts
 * without JavaScript, and a refusal is read out where the button is. Success
 * leads to the meeting's page, which says what happened.
 */
export function StatusActionForm({ action, id, label, description, variant = "outline-primary" }: StatusActionFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = state.status === "error" && !pending ? state.formError : undefined;
  return (
    <form id={id} action={formAction} className="mb-4" aria-describedby={`${id}-descrizione`}>
      <p id={`${id}-descrizione`} className="mb-2">
        {description}
      </p>
      <div aria-live="polite">
        {error ? (
          <div className="alert alert-danger mb-2">
            <p className="mb-0">{error}</p>
          </div>
        ) : null}
      </div>
      <SubmitButton pending={pending} variant={variant}>
        {label}
      </SubmitButton>
    </form>
  );
}
