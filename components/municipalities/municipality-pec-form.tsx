"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { municipalityPecForm, municipalityPecSchema, type MunicipalityPecRaw } from "@/lib/municipalities/dashboard/schema";

const FORM_ID = "pec-comune";
const ORDER = pageOrder(municipalityPecForm);
const resolver = schemaResolver<MunicipalityPecRaw>(municipalityPecSchema);

/** The Comune's institutional PEC, where the convocation goes by PEC: corrected here, emptied when it is not known. */
export function MunicipalityPecForm({ action, pec }: { action: FormAction<MunicipalityPecRaw>; pec: string | null }) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: { pec: pec ?? "" }, resolver, fieldOrder: () => ORDER });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess>
      <TextField
        field={bindField(kit, "pec")}
        label="PEC del Comune"
        type="email"
        defaultValue={initialText(kit, "pec")}
        autoComplete="off"
        hint="L'indirizzo di posta certificata istituzionale (IndicePA). Lascialo vuoto se non è noto."
      />
      <SubmitButton pending={pending}>Salva la PEC</SubmitButton>
    </ActionForm>
  );
}
