"use client";
import { useFieldArray, useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/forms/action-state";
import {
  blankNominee,
  emptyRegistration,
  nomineeRowLabel,
  padNominees,
  registrationFieldOrder,
  type RegistrationFormRaw,
} from "@/lib/registrations/form-fields";
import { registrationSchema } from "@/lib/registrations/schema";
import { ConsentFields } from "./consent-fields";
import { NomineeRows } from "./nominee-rows";
import { OrganisationFields, type MunicipalityGroup } from "./organisation-fields";
import { PersonFields } from "./person-fields";

const FORM_ID = "iscrizione";
const resolver = schemaResolver<RegistrationFormRaw>(registrationSchema, "nominees");
const withRows = (values: RegistrationFormRaw) => ({ ...values, nominees: padNominees(values.nominees) });
const fieldOrder = (values: RegistrationFormRaw) => registrationFieldOrder(values.nominees.length);

type RegistrationFormProps = {
  action: FormAction<RegistrationFormRaw>;
  municipalities: readonly MunicipalityGroup[];
  privacyVersion: string;
};

export function RegistrationForm({ action, municipalities, privacyVersion }: RegistrationFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyRegistration(), resolver, fieldOrder, prepare: withRows });
  const { kit, form, pending, hydrated } = actionForm;
  const { control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "nominees" });
  const organisationType = useWatch({ control, name: "organisationType" });

  return (
    <ActionForm form={actionForm} order={registrationFieldOrder(fields.length)} contextFor={nomineeRowLabel}>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>

      <section className="mb-5" aria-labelledby={`${FORM_ID}-dati`}>
        <h2 id={`${FORM_ID}-dati`} className="h3 mb-4">
          I tuoi dati
        </h2>
        <PersonFields kit={kit} email="editable" />
      </section>

      <section className="mb-5" aria-labelledby={`${FORM_ID}-ente`}>
        <h2 id={`${FORM_ID}-ente`} className="h3 mb-4">
          Ente di appartenenza
        </h2>
        <OrganisationFields kit={kit} municipalities={municipalities} organisationType={organisationType ?? ""} enhanced={hydrated} />
      </section>

      <NomineeRows
        kit={kit}
        rows={fields.map((field) => ({ key: field.id, values: field }))}
        intro="Se partecipi per un Comune, indica i rappresentanti degli enti gestori dei progetti SAI del tuo Comune: riceveranno un invito personale per iscriversi."
        onAdd={hydrated ? () => append(blankNominee()) : undefined}
        onRemove={hydrated ? (index) => remove(index) : undefined}
      />

      <section className="mb-5" aria-labelledby={`${FORM_ID}-privacy`}>
        <h2 id={`${FORM_ID}-privacy`} className="h3 mb-4">
          Privacy
        </h2>
        <ConsentFields kit={kit} privacyVersion={privacyVersion} />
      </section>

      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Invia l&apos;iscrizione</SubmitButton>
    </ActionForm>
  );
}
