"use client";
import { useWatch } from "react-hook-form";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConsentFields } from "@/components/registrations/consent-fields";
import { OrganisationFields, type MunicipalityGroup } from "@/components/registrations/organisation-fields";
import { PersonFields } from "@/components/registrations/person-fields";
import type { FormAction } from "@/lib/forms/action-state";
import type { AcceptInvitationRaw } from "@/lib/registrations/form-fields";
import { registrationSchema } from "@/lib/registrations/schema";

const FORM_ID = "accetta-invito";
const ORDER = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "roleTitle",
  "organisationType",
  "municipalityId",
  "organisationName",
  "privacyConsent",
  "communicationsConsent",
];
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
  const { kit, form, errors, pending, hydrated, formAction, formRef, summaryRef, onSubmit, onMouseDown, summaryAutoFocus, formError } =
    useActionForm({ formId: FORM_ID, action, initialValues, resolver, fieldOrder });
  const { control } = form;
  const organisationType = useWatch({ control, name: "organisationType" });
  return (
    <form id={FORM_ID} ref={formRef} action={formAction} onSubmit={onSubmit} onMouseDown={onMouseDown} noValidate>
      <ErrorSummary
        formId={FORM_ID}
        errors={errors}
        order={ORDER}
        formError={formError}
        summaryRef={summaryRef}
        autoFocus={summaryAutoFocus}
        headingLevel={3}
      />
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>
      <PersonFields kit={kit} email="read-only" />
      <OrganisationFields kit={kit} municipalities={municipalities} organisationType={organisationType ?? ""} enhanced={hydrated} />
      <ConsentFields kit={kit} privacyVersion={privacyVersion} />
      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Accetto e mi iscrivo</SubmitButton>
    </form>
  );
}
