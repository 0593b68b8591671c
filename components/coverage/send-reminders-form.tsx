"use client";
// The one button that reminds the referents of the municipalities not yet
// registered. A plain form: it posts without JavaScript too.
import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { SendRemindersRaw } from "@/lib/coverage/schema";
import { plural, pluralForm } from "@/lib/platform/format/plural";

type Props = {
  action: FormAction<SendRemindersRaw>;
  /** Referents who would receive one now (before the 24-hour skip). */
  referents: number;
  municipalities: number;
};

export function SendRemindersForm({ action, referents, municipalities }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="mb-3">
      <p>
        Invia un promemoria ai referenti attivi {pluralForm(municipalities, { one: "dell'unico Comune", other: `dei ${municipalities} Comuni` })} con
        referente ma senza iscrizioni ({plural(referents, "referente", "referenti")}): l&apos;email ricorda
        l&apos;incontro, porta il link per iscriversi e chiede di indicare gli enti gestori. Chi ha già ricevuto un
        promemoria per questo incontro nelle ultime 24 ore non lo riceve di nuovo.
      </p>
      <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending || undefined}>
        {pending ? "Invio in corso…" : "Invia il promemoria ai referenti"}
      </button>
      <div role="status" className="mt-2">
        {state.status === "success" ? <p className="alert alert-success mb-0">{state.message}</p> : null}
        {state.status === "error" ? <p className="alert alert-danger mb-0">{state.formError}</p> : null}
      </div>
    </form>
  );
}
