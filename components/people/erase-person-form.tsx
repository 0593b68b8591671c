"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField } from "@/components/forms/field-kit";
import { CheckboxField, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { erasePersonForm, erasePersonSchema, type ErasePersonRaw } from "@/lib/people/schema";

const FORM_ID = "cancella-dati";
const ORDER = pageOrder(erasePersonForm);
const resolver = schemaResolver<ErasePersonRaw>(erasePersonSchema);
const fieldOrder = () => ORDER;

/** Erasing cannot be undone: what happens is said first, and a checkbox confirms it. */
export function ErasePersonForm({ action }: { action: FormAction<ErasePersonRaw> }) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyValues(erasePersonForm), resolver, fieldOrder });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} headingLevel={3} showSuccess>
      <p>
        Nome, cognome, email, telefono, ruolo e organizzazione sono sostituiti da un dato anonimo in ogni record: iscrizioni,
        inviti, designazioni come referente (revocate), schede referenti, email (quelle non ancora inviate non partiranno) e
        registro attività. Le iscrizioni e le presenze restano, anonime, così i conteggi degli incontri non cambiano. La
        cancellazione non si può annullare.
      </p>
      <CheckboxField
        field={bindField(kit, "confirm")}
        defaultChecked={kit.initial("confirm") === true}
        label="Confermo di voler cancellare i dati di questa persona"
      />
      <SubmitButton pending={pending} variant="danger">
        Cancella i dati
      </SubmitButton>
    </ActionForm>
  );
}
