"use client";
// The minutes of presence an attestato needs, for this meeting.
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { thresholdForm, thresholdSchema, type ThresholdRaw } from "@/lib/certificates/schema";

const FORM_ID = "soglia-attestati";
const ORDER = pageOrder(thresholdForm);
const resolver = schemaResolver<ThresholdRaw>(thresholdSchema);
const fieldOrder = () => ORDER;

export function ThresholdForm({ action, minutes }: { action: FormAction<ThresholdRaw>; minutes: number }) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: { certificateMinMinutes: String(minutes) }, resolver, fieldOrder });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess headingLevel={3} className="mb-3">
      <div className="row align-items-end">
        <div className="col-sm-6 col-lg-4">
          <TextField
            field={bindField(kit, "certificateMinMinutes")}
            label="Minuti minimi di presenza"
            defaultValue={initialText(kit, "certificateMinMinutes")}
            inputMode="numeric"
            autoComplete="off"
            hint="Chi è presente almeno per questi minuti riceve l'attestato (esattamente la soglia basta)."
            required
          />
        </div>
        <div className="col-sm-6 col-lg-4 mb-4">
          <SubmitButton pending={pending} variant="outline-primary">
            Salva la soglia
          </SubmitButton>
        </div>
      </div>
    </ActionForm>
  );
}
