"use client";
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { RemoveSaiProjectRaw } from "@/lib/sai-projects/schema";

type Props = { action: FormAction<RemoveSaiProjectRaw>; projectId: string; description: string };

/** Removes one project; the answer is read out beside the button. */
export function RemoveProjectButton({ action, projectId, description }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const feedbackId = `elimina-${projectId}-esito`;
  return (
    <form action={formAction}>
      <button type="submit" className="btn btn-outline-danger btn-sm" disabled={pending} aria-describedby={feedbackId}>
        Elimina<span className="visually-hidden"> il progetto {description}</span>
      </button>
      <ActionFeedback id={feedbackId} state={state} pending={pending} />
    </form>
  );
}
