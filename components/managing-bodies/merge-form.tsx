"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { CheckboxField, FieldError, RadioGroup, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { mergeForm, mergeSchema, type MergeRaw } from "@/lib/managing-bodies/schema";

const FORM_ID = "unisci-ente";
const ORDER = pageOrder(mergeForm);
const resolver = schemaResolver<MergeRaw>(mergeSchema);
const fieldOrder = () => ORDER;
const INITIAL: MergeRaw = { otherId: "", direction: "INTO_THIS", confirm: false };

type Props = {
  action: FormAction<MergeRaw>;
  bodyName: string;
  candidates: readonly { id: string; name: string; taxCode: string | null }[];
};

/** Two records of one body become one: choose the other, which one stays, and confirm. */
export function MergeForm({ action, bodyName, candidates }: Props) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: INITIAL, resolver, fieldOrder });
  const { kit, pending } = actionForm;
  const other = bindField(kit, "otherId");
  return (
    <ActionForm form={actionForm} order={ORDER} headingLevel={3}>
      <div className="select-wrapper mb-4">
        <label htmlFor={other.id}>
          L&apos;altro ente gestore<span aria-hidden="true"> *</span>
        </label>
        <select
          id={other.id}
          defaultValue={initialText(kit, "otherId")}
          required
          autoFocus={other.autoFocus}
          className={other.error ? "is-invalid" : undefined}
          aria-invalid={other.error ? true : undefined}
          aria-describedby={other.error ? `${other.id}-errore` : undefined}
          {...other.registration}
        >
          <option value="">Scegli l&apos;ente gestore</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
              {candidate.taxCode ? ` (${candidate.taxCode})` : ""}
            </option>
          ))}
        </select>
        <FieldError id={other.id} error={other.error} />
      </div>
      <RadioGroup
        field={bindField(kit, "direction")}
        legend="Quale resta"
        options={[
          { value: "INTO_THIS", label: `Resta «${bodyName}»: l'altro confluisce in questo` },
          { value: "INTO_OTHER", label: `Resta l'altro: «${bodyName}» confluisce nell'altro` },
        ]}
        defaultValue={initialText(kit, "direction")}
        required
      />
      <CheckboxField
        field={bindField(kit, "confirm")}
        label="Confermo l'unione: non si può annullare"
        defaultChecked={false}
        hint="Progetti SAI, iscrizioni e inviti passano all'ente che resta; l'altro è eliminato."
        required
      />
      <SubmitButton pending={pending} variant="danger">
        Unisci gli enti gestori
      </SubmitButton>
    </ActionForm>
  );
}
