"use client";
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { RetryEmailRaw } from "@/lib/email/log/schema";

type Props = { action: FormAction<RetryEmailRaw>; messageId: string; recipient: string };

/** Sends a failed message again; the answer is read out beside the button. */
export function RetryEmailButton({ action, messageId, recipient }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const feedbackId = `riprova-${messageId}-esito`;
  return (
    <form action={formAction}>
      <button
        type="submit"
        className="btn btn-outline-primary btn-sm"
        disabled={pending || state.status === "success"}
        aria-describedby={feedbackId}
      >
        Invia di nuovo<span className="visually-hidden"> il messaggio a {recipient}</span>
      </button>
      <ActionFeedback id={feedbackId} state={state} pending={pending} />
    </form>
  );
}
