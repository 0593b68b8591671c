"use client";
import { useFieldArray } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/forms/action-state";
import { blankNominee, nomineeFieldOrder, nomineeRowLabel, padNominees, type NominateRaw } from "@/lib/registrations/form-fields";
import { nominateSchema } from "@/lib/registrations/schema";
import { NomineeRows } from "./nominee-rows";

const FORM_ID = "nuovi-inviti";
const resolver = schemaResolver<NominateRaw>(nominateSchema, "nominees");
const withRows = (values: NominateRaw) => ({ nominees: padNominees(values.nominees) });
const fieldOrder = (values: NominateRaw) => nomineeFieldOrder(values.nominees.length);

/** "Invite more gestori" from the personal page; sent rows clear and appear in the list above. */
export function NominateForm({ action }: { action: FormAction<NominateRaw> }) {
  const { kit, form, errors, pending, hydrated, formAction, formRef, summaryRef, onSubmit, onMouseDown, summaryAutoFocus, formError, successMessage } =
    useActionForm({ formId: FORM_ID, action, initialValues: { nominees: [] }, resolver, fieldOrder, prepare: withRows, resetOnSuccess: true });
  const { control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "nominees" });
  return (
    <form id={FORM_ID} ref={formRef} action={formAction} onSubmit={onSubmit} onMouseDown={onMouseDown} noValidate>
      <ErrorSummary
        formId={FORM_ID}
        errors={errors}
        order={nomineeFieldOrder(fields.length)}
        formError={formError}
        successMessage={successMessage}
        summaryRef={summaryRef}
        contextFor={nomineeRowLabel}
        autoFocus={summaryAutoFocus}
        headingLevel={3}
      />
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
    </form>
  );
}
