"use client";
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { SaiFlagRaw } from "@/lib/municipalities/dashboard/schema";

type Props = { action: FormAction<SaiFlagRaw>; saiMember: boolean };

/**
 * Sets the SAI flag to the other value: the button says which, and the form
 * sends it (not "toggle"), so a double click cannot flip it back.
 */
export function SaiFlagForm({ action, saiMember }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mt-2">
      <input type="hidden" name="saiMember" value={saiMember ? "false" : "true"} />
      <button type="submit" className={saiMember ? "btn btn-outline-danger btn-sm" : "btn btn-outline-primary btn-sm"} disabled={pending} aria-describedby="sai-esito">
        {saiMember ? "Togli l'adesione al SAI" : "Segna come aderente al SAI"}
      </button>
      <ActionFeedback id="sai-esito" state={state} pending={pending} />
    </form>
  );
}
