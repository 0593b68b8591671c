"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { RadioGroup, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { MunicipalityGroup } from "@/components/registrations/organisation-fields";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { addReferentForm, addReferentSchema, type AddReferentRaw } from "@/lib/referents/schema";
import { ROLE_OPTIONS } from "./role-options";

const FORM_ID = "nuovo-referente";
const ORDER = pageOrder(addReferentForm);
const resolver = schemaResolver<AddReferentRaw>(addReferentSchema);
const INITIAL: AddReferentRaw = emptyValues(addReferentForm);

type Props = { action: FormAction<AddReferentRaw>; municipalities: readonly MunicipalityGroup[]; municipalityId?: string };

/** A coordinator names a referent of a Comune; the person is emailed. */
export function AddReferentForm({ action, municipalities, municipalityId = "" }: Props) {
  const actionForm = useActionForm({
    formId: FORM_ID,
    action,
    initialValues: { ...INITIAL, municipalityId },
    resolver,
    fieldOrder: () => ORDER,
    resetOnSuccess: true,
  });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>
      <SelectField
        field={bindField(kit, "municipalityId")}
        label="Comune"
        placeholder="Seleziona il Comune"
        groups={municipalities}
        defaultValue={initialText(kit, "municipalityId")}
        required
      />
      <div className="row">
        <div className="col-md-6">
          <TextField field={bindField(kit, "firstName")} label="Nome" defaultValue={initialText(kit, "firstName")} required autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField field={bindField(kit, "lastName")} label="Cognome" defaultValue={initialText(kit, "lastName")} required autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField
            field={bindField(kit, "email")}
            label="Email"
            type="email"
            defaultValue={initialText(kit, "email")}
            required
            autoComplete="off"
            hint="Se la persona è già nota al portale, i suoi dati sono aggiornati con questi."
          />
        </div>
        <div className="col-md-6">
          <TextField field={bindField(kit, "phone")} label="Telefono (facoltativo)" type="tel" defaultValue={initialText(kit, "phone")} autoComplete="off" />
        </div>
      </div>
      <RadioGroup field={bindField(kit, "role")} legend="Ruolo" options={ROLE_OPTIONS} defaultValue={initialText(kit, "role")} required />
      <TextField field={bindField(kit, "office")} label="Ufficio o incarico (facoltativo)" defaultValue={initialText(kit, "office")} autoComplete="off" />
      <SubmitButton pending={pending}>Aggiungi il referente</SubmitButton>
    </ActionForm>
  );
}
