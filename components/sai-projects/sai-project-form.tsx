"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { RadioGroup, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { SAI_CATEGORIES, SAI_CATEGORY_DESCRIPTIONS } from "@/lib/sai-projects/labels";
import { saiProjectForm, saiProjectSchema, type SaiProjectRaw } from "@/lib/sai-projects/schema";

const ORDER = pageOrder(saiProjectForm);
const resolver = schemaResolver<SaiProjectRaw>(saiProjectSchema);
const fieldOrder = () => ORDER;
const CATEGORY_OPTIONS = SAI_CATEGORIES.map((category) => ({ value: category, label: SAI_CATEGORY_DESCRIPTIONS[category] }));

export type MunicipalityGroups = readonly { label: string; options: readonly { value: string; label: string }[] }[];

type Props = {
  action: FormAction<SaiProjectRaw>;
  formId: string;
  initialValues: SaiProjectRaw;
  municipalities: MunicipalityGroups;
  submitLabel: string;
  /** Adding empties the form after a success, ready for the next project. */
  resetOnSuccess?: boolean;
};

/** A SAI project of a managing body: where, which category, its code and places. */
export function SaiProjectForm({ action, formId, initialValues, municipalities, submitLabel, resetOnSuccess }: Props) {
  const actionForm = useActionForm({ formId, action, initialValues, resolver, fieldOrder, resetOnSuccess });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess headingLevel={3}>
      <SelectField
        field={bindField(kit, "municipalityId")}
        label="Comune"
        placeholder="Scegli il Comune"
        groups={municipalities}
        defaultValue={initialText(kit, "municipalityId")}
        hint="Il Comune titolare del progetto: se non risulta ancora aderente al SAI, lo diventa."
        required
      />
      <RadioGroup field={bindField(kit, "category")} legend="Categoria" options={CATEGORY_OPTIONS} defaultValue={initialText(kit, "category")} required />
      <div className="row">
        <div className="col-md-6">
          <TextField field={bindField(kit, "projectCode")} label="Codice progetto" defaultValue={initialText(kit, "projectCode")} autoComplete="off" hint="Facoltativo; unico tra tutti i progetti." />
        </div>
        <div className="col-md-6">
          <TextField field={bindField(kit, "places")} label="Posti" inputMode="numeric" defaultValue={initialText(kit, "places")} autoComplete="off" hint="Facoltativo." />
        </div>
      </div>
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
