"use client";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConsentFields } from "@/components/registrations/consent-fields";
import { OrganisationFields, type MunicipalityGroup } from "@/components/registrations/organisation-fields";
import { PersonFields } from "@/components/registrations/person-fields";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { acceptInvitationForm, type AcceptInvitationRaw } from "@/lib/registrations/form-fields";
import { registrationSchema } from "@/lib/registrations/schema";

const FORM_ID = "accetta-invito";
const ORDER = pageOrder(acceptInvitationForm);
const resolver = schemaResolver<AcceptInvitationRaw>(registrationSchema);
const fieldOrder = () => ORDER;

type AcceptInvitationFormProps = {
  action: FormAction<AcceptInvitationRaw>;
  /** Prefilled from the invitation: names, its email (read-only), the managing body as organisation. */
  initialValues: AcceptInvitationRaw;
  municipalities: readonly MunicipalityGroup[];
  privacyVersion: string;
};

export function AcceptInvitationForm({ action, initialValues, municipalities, privacyVersion }: AcceptInvitationFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues, resolver, fieldOrder });
  const { kit, form, pending, hydrated } = actionForm;
  const { control } = form;
  const organisationType = useWatch({ control, name: "organisationType" });
  return (
    <ActionForm form={actionForm} order={ORDER} headingLevel={3}>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>
      <PersonFields kit={kit} email="read-only" />
      <OrganisationFields kit={kit} municipalities={municipalities} organisationType={organisationType ?? ""} enhanced={hydrated} />
      <ConsentFields kit={kit} privacyVersion={privacyVersion} />
      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Accetto e mi iscrivo</SubmitButton>
    </ActionForm>
  );
}
