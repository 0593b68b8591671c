"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { RadioGroup, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import {
  revokeReferentForm,
  revokeReferentSchema,
  updateReferentForm,
  updateReferentSchema,
  type RevokeReferentRaw,
  type UpdateReferentRaw,
} from "@/lib/referents/schema";
import { ROLE_OPTIONS } from "./role-options";

const EDIT_ID = "modifica-referente";
const EDIT_ORDER = pageOrder(updateReferentForm);
const editResolver = schemaResolver<UpdateReferentRaw>(updateReferentSchema);

/** Names and phone (of the person), role and office (of the referent). */
export function EditReferentForm({ action, initial }: { action: FormAction<UpdateReferentRaw>; initial: UpdateReferentRaw }) {
  const actionForm = useActionForm({ formId: EDIT_ID, action, initialValues: initial, resolver: editResolver, fieldOrder: () => EDIT_ORDER });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={EDIT_ORDER} headingLevel={3} showSuccess>
      <div className="row">
        <div className="col-md-6">
          <TextField field={bindField(kit, "firstName")} label="Nome" defaultValue={initialText(kit, "firstName")} required autoComplete="off" />
        </div>
        <div className="col-md-6">
          <TextField field={bindField(kit, "lastName")} label="Cognome" defaultValue={initialText(kit, "lastName")} required autoComplete="off" />
        </div>
      </div>
      <TextField field={bindField(kit, "phone")} label="Telefono (facoltativo)" type="tel" defaultValue={initialText(kit, "phone")} autoComplete="off" />
      <RadioGroup field={bindField(kit, "role")} legend="Ruolo" options={ROLE_OPTIONS} defaultValue={initialText(kit, "role")} required />
      <TextField field={bindField(kit, "office")} label="Ufficio o incarico (facoltativo)" defaultValue={initialText(kit, "office")} autoComplete="off" />
      <SubmitButton pending={pending}>Salva le modifiche</SubmitButton>
    </ActionForm>
  );
}

const REVOKE_ID = "revoca-referente";
const REVOKE_ORDER = pageOrder(revokeReferentForm);
const revokeResolver = schemaResolver<RevokeReferentRaw>(revokeReferentSchema);

/** Revokes the referent; the reason is kept with the record and in the audit log. */
export function RevokeReferentForm({ action }: { action: FormAction<RevokeReferentRaw> }) {
  const actionForm = useActionForm({
    formId: REVOKE_ID,
    action,
    initialValues: emptyValues(revokeReferentForm),
    resolver: revokeResolver,
    fieldOrder: () => REVOKE_ORDER,
  });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={REVOKE_ORDER} headingLevel={3} showSuccess>
      <TextAreaField
        field={bindField(kit, "reason")}
        defaultValue={initialText(kit, "reason")}
        label="Motivo della revoca"
        required
        rows={2}
        hint="Ad esempio: non lavora più al Comune, sostituito da un altro referente."
      />
      <SubmitButton pending={pending} variant="danger">
        Revoca il referente
      </SubmitButton>
    </ActionForm>
  );
}
