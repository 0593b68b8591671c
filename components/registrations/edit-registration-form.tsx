"use client";
import { ActionForm } from "@/components/forms/action-form";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { updateRegistrationForm, type UpdateRegistrationRaw } from "@/lib/registrations/form-fields";
import { updateRegistrationSchema } from "@/lib/registrations/schema";
import { CommunicationsConsent } from "./consent-fields";
import { PersonFields } from "./person-fields";

const FORM_ID = "modifica";
const ORDER = pageOrder(updateRegistrationForm);
const resolver = schemaResolver<UpdateRegistrationRaw>(updateRegistrationSchema);
const fieldOrder = () => ORDER;

type EditRegistrationFormProps = {
  action: FormAction<UpdateRegistrationRaw>;
  initialValues: UpdateRegistrationRaw;
};

/** The personal page's edit form: name, role, phone and the communications consent. */
export function EditRegistrationForm({ action, initialValues }: EditRegistrationFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues, resolver, fieldOrder });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess headingLevel={3}>
      <PersonFields kit={kit} email="hidden" />
      <CommunicationsConsent kit={kit} />
      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Salva le modifiche</SubmitButton>
    </ActionForm>
  );
}
