"use client";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConsentFields } from "@/components/registrations/consent-fields";
import { OrganisationFields, type MunicipalityGroup } from "@/components/registrations/organisation-fields";
import { PersonFields } from "@/components/registrations/person-fields";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { emptyOnBehalf, onBehalfForm, type OnBehalfRaw } from "@/lib/registrations/dashboard/form-fields";
import { registrationSchema } from "@/lib/registrations/schema";

const FORM_ID = "iscrizione-per-conto";
const resolver = schemaResolver<OnBehalfRaw>(registrationSchema);
const ORDER = pageOrder(onBehalfForm);
const fieldOrder = () => ORDER;

type RegisterOnBehalfFormProps = {
  action: FormAction<OnBehalfRaw>;
  municipalities: readonly MunicipalityGroup[];
  privacyVersion: string;
};

/**
 * A coordinator registers someone (a phone call, a late addition). The same
 * schema as the public form; the person receives the same confirmation with
 * their personal link. After each registration the form is empty again.
 */
export function RegisterOnBehalfForm({ action, municipalities, privacyVersion }: RegisterOnBehalfFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyOnBehalf(), resolver, fieldOrder, resetOnSuccess: true });
  const { kit, form, pending, hydrated } = actionForm;
  const organisationType = useWatch({ control: form.control, name: "organisationType" }) ?? "";
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>

      <section className="mb-4" aria-labelledby={`${FORM_ID}-persona`}>
        <h2 id={`${FORM_ID}-persona`} className="h4">
          La persona
        </h2>
        <PersonFields kit={kit} email="editable" onBehalf />
      </section>

      <section className="mb-4" aria-labelledby={`${FORM_ID}-ente`}>
        <h2 id={`${FORM_ID}-ente`} className="h4">
          Ente
        </h2>
        <OrganisationFields kit={kit} municipalities={municipalities} organisationType={organisationType} enhanced={hydrated} onBehalf />
      </section>

      <section className="mb-4" aria-labelledby={`${FORM_ID}-privacy`}>
        <h2 id={`${FORM_ID}-privacy`} className="h4">
          Privacy
        </h2>
        <ConsentFields kit={kit} privacyVersion={privacyVersion} onBehalf />
      </section>

      <SubmitButton pending={pending}>Registra l&apos;iscrizione</SubmitButton>
    </ActionForm>
  );
}
