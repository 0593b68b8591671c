"use client";
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { ApplyImportRaw } from "@/lib/sai-projects/import/schema";

/** Applies the import: one transaction, planned again against the database as it is then. */
export function ApplyImportButton({ action }: { action: FormAction<ApplyImportRaw> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="my-4">
      <button type="submit" className="btn btn-primary" disabled={pending} aria-describedby="applica-esito">
        {pending ? "Importazione in corso…" : "Applica l'importazione"}
      </button>
      <ActionFeedback id="applica-esito" state={state} pending={pending} />
    </form>
  );
}
