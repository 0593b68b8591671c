"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SubmitButton, TextAreaField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { rejectSheetForm, type ApproveSheetRaw, type RejectSheetRaw } from "@/lib/referents/sheets/form-fields";
import { rejectSheetSchema } from "@/lib/referents/sheets/schema";

/** Approves the scheda; the answer is read out beside the button. */
export function ApproveSheetForm({ action, municipalityName }: { action: FormAction<ApproveSheetRaw>; municipalityName: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <button type="submit" className="btn btn-primary" disabled={pending} aria-describedby="approva-esito">
        Approva la scheda<span className="visually-hidden"> del Comune di {municipalityName}</span>
      </button>
      <ActionFeedback id="approva-esito" state={state} pending={pending} />
    </form>
  );
}

const REJECT_ID = "respingi-scheda";
const REJECT_ORDER = pageOrder(rejectSheetForm);
const rejectResolver = schemaResolver<RejectSheetRaw>(rejectSheetSchema);

/** Rejects the scheda with a reason, which is emailed to the officer. */
export function RejectSheetForm({ action }: { action: FormAction<RejectSheetRaw> }) {
  const actionForm = useActionForm({
    formId: REJECT_ID,
    action,
    initialValues: emptyValues(rejectSheetForm),
    resolver: rejectResolver,
    fieldOrder: () => REJECT_ORDER,
  });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={REJECT_ORDER} headingLevel={3} showSuccess>
      <TextAreaField
        field={bindField(kit, "reason")}
        defaultValue={initialText(kit, "reason")}
        label="Motivo"
        required
        rows={3}
        hint="Sarà inviato per email a chi ha compilato la scheda, con il link per compilarla di nuovo."
      />
      <SubmitButton pending={pending} variant="danger">
        Respingi la scheda
      </SubmitButton>
    </ActionForm>
  );
}
