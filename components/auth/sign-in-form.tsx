"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { signInForm, signInSchema, type SignInRaw } from "@/lib/auth/schema";

const FORM_ID = "accesso";
const ORDER = pageOrder(signInForm);
const resolver = schemaResolver<SignInRaw>(signInSchema);
const fieldOrder = () => ORDER;

export function SignInForm({ action }: { action: FormAction<SignInRaw> }) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyValues(signInForm), resolver, fieldOrder });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER}>
      <TextField
        field={bindField(kit, "email")}
        label="Indirizzo email"
        defaultValue={initialText(kit, "email")}
        type="email"
        autoComplete="email"
        required
        hint="L'indirizzo email del tuo account dell'area riservata (coordinamento o osservazione)."
      />
      <SubmitButton pending={pending}>Invia il link di accesso</SubmitButton>
    </ActionForm>
  );
}
