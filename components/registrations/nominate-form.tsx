"use client";
import { useFieldArray } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { blankNominee, nomineeFieldOrder, nomineeRowLabel, padNominees, type NominateRaw } from "@/lib/registrations/form-fields";
import { nominateSchema } from "@/lib/registrations/schema";
import { NomineeRows } from "./nominee-rows";

const FORM_ID = "nuovi-inviti";
const resolver = schemaResolver<NominateRaw>(nominateSchema, "nominees");
const withRows = (values: NominateRaw) => ({ nominees: padNominees(values.nominees) });
const fieldOrder = (values: NominateRaw) => nomineeFieldOrder(values.nominees.length);

/** "Invite more gestori" from the personal page; sent rows clear and appear in the list above. */
export function NominateForm({ action }: { action: FormAction<NominateRaw> }) {
  const actionForm = useActionForm({
    formId: FORM_ID,
    action,
    initialValues: { nominees: [] },
    resolver,
    fieldOrder,
    prepare: withRows,
    resetOnSuccess: true,
  });
  const { kit, form, pending, hydrated } = actionForm;
  const { control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "nominees" });
  return (
    <ActionForm form={actionForm} order={nomineeFieldOrder(fields.length)} showSuccess headingLevel={3} contextFor={nomineeRowLabel}>
      <NomineeRows
        kit={kit}
        headingLevel={3}
        rows={fields.map((field) => ({ key: field.id, values: field }))}
        intro="Indica altri rappresentanti degli enti gestori da invitare: ciascuno riceverà un invito personale per email."
        onAdd={hydrated ? () => append(blankNominee()) : undefined}
        onRemove={hydrated ? (index) => remove(index) : undefined}
      />
      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Invia gli inviti</SubmitButton>
    </ActionForm>
  );
}
