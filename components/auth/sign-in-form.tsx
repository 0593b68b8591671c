"use client";
import { ErrorSummary } from "@/components/forms/error-summary";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/forms/action-state";
import { signInSchema, type SignInRaw } from "@/lib/auth/schema";

const FORM_ID = "accesso";
const ORDER = ["email"];
const resolver = schemaResolver<SignInRaw>(signInSchema);
const fieldOrder = () => ORDER;

export function SignInForm({ action }: { action: FormAction<SignInRaw> }) {
  const { kit, errors, pending, formAction, formRef, summaryRef, onSubmit, onMouseDown, summaryAutoFocus, formError } =
    useActionForm({ formId: FORM_ID, action, initialValues: { email: "" }, resolver, fieldOrder });
  return (
    <form id={FORM_ID} ref={formRef} action={formAction} onSubmit={onSubmit} onMouseDown={onMouseDown} noValidate>
      <ErrorSummary formId={FORM_ID} errors={errors} order={ORDER} formError={formError} summaryRef={summaryRef} autoFocus={summaryAutoFocus} />
      <TextField
        field={bindField(kit, "email")}
        label="Indirizzo email"
        defaultValue={initialText(kit, "email")}
        type="email"
        autoComplete="email"
        required
        hint="L'indirizzo con cui sei registrato/a come coordinatore o osservatore."
      />
      <SubmitButton pending={pending}>Invia il link di accesso</SubmitButton>
    </form>
  );
}
