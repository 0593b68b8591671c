"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField } from "@/components/forms/field-kit";
import { CheckboxField, Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { cancelRegistrationForm, type CancelRegistrationRaw } from "@/lib/registrations/form-fields";
import { cancelRegistrationSchema } from "@/lib/registrations/schema";

const FORM_ID = "annullamento";
const ORDER = pageOrder(cancelRegistrationForm);
const resolver = schemaResolver<CancelRegistrationRaw>(cancelRegistrationSchema);
const fieldOrder = () => ORDER;

type CancelRegistrationFormProps = {
  action: FormAction<CancelRegistrationRaw>;
  /** A confirmed seat goes to the first person waiting: say so before they confirm. */
  confirmed: boolean;
};

/** Cancelling asks for an explicit confirmation in the form itself, so it works without JavaScript. */
export function CancelRegistrationForm({ action, confirmed }: CancelRegistrationFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyValues(cancelRegistrationForm), resolver, fieldOrder });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} headingLevel={3}>
      <p>
        Se non potrai partecipare, annulla l&apos;iscrizione
        {confirmed ? ": il tuo posto sarà assegnato alla prima persona in lista d'attesa." : "."} L&apos;annullamento non
        si può revocare.
      </p>
      <CheckboxField field={bindField(kit, "confirm")} defaultChecked={false} label="Confermo di voler annullare la mia iscrizione" />
      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending} variant="danger">
        Annulla l&apos;iscrizione
      </SubmitButton>
    </ActionForm>
  );
}
