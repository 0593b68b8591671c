"use client";
// A row's commands (resend, revoke), each a form bound to the invitation, so
// they work without JavaScript. One live region per row announces the last
// outcome; it stays mounted when the command that produced it disappears.
import { useActionState, useState } from "react";
import { IDLE, type FormAction, type FormState } from "@/lib/platform/forms/action-state";
import type { InvitationCommandRaw } from "@/lib/invitations/dashboard/schema";

type Action = FormAction<InvitationCommandRaw>;

type Props = {
  resend: Action | null;
  revoke: Action | null;
  /** Who the buttons act on, for screen readers: "a Mario Rossi". */
  context: string;
};

function outcome(state: FormState<InvitationCommandRaw>) {
  if (state.status === "success") return state.message;
  if (state.status === "error") return <span className="text-danger">{state.formError}</span>;
  return null;
}

export function InvitationCommands({ resend, revoke, context }: Props) {
  const [resendState, resendAction, resending] = useActionState(resend ?? (async () => IDLE), IDLE);
  const [revokeState, revokeAction, revoking] = useActionState(revoke ?? (async () => IDLE), IDLE);
  const [last, setLast] = useState<"resend" | "revoke">(revokeState.status !== "idle" ? "revoke" : "resend");
  const pending = resending || revoking;
  return (
    <div>
      {resend ? (
        <form action={resendAction} onSubmit={() => setLast("resend")} className="d-inline-block me-2 mb-1">
          <button type="submit" className="btn btn-sm btn-outline-primary" disabled={pending} aria-disabled={pending || undefined}>
            {resending ? "Invio in corso…" : "Invia di nuovo"}
            <span className="visually-hidden"> l&apos;invito {context}</span>
          </button>
        </form>
      ) : null}
      {revoke ? (
        <form action={revokeAction} onSubmit={() => setLast("revoke")} className="d-inline-block mb-1">
          <button type="submit" className="btn btn-sm btn-outline-danger" disabled={pending} aria-disabled={pending || undefined}>
            {revoking ? "Revoca in corso…" : "Revoca"}
            <span className="visually-hidden"> l&apos;invito {context}</span>
          </button>
        </form>
      ) : null}
      <p role="status" className="small mb-0">
        {last === "revoke" ? outcome(revokeState) : outcome(resendState)}
      </p>
    </div>
  );
}
