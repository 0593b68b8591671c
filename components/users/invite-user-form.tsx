"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { RadioGroup, SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { inviteUserForm, inviteUserSchema, type InviteUserRaw } from "@/lib/users/schema";

const FORM_ID = "invito-utente";
const ORDER = pageOrder(inviteUserForm);
const resolver = schemaResolver<InviteUserRaw>(inviteUserSchema);
const fieldOrder = () => ORDER;
const INITIAL: InviteUserRaw = emptyValues(inviteUserForm);

type Props = {
  action: FormAction<InviteUserRaw>;
  roles: readonly { value: string; label: string }[];
};

/** Gives a new address access with a role; the person is emailed where to sign in. */
export function InviteUserForm({ action, roles }: Props) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: INITIAL, resolver, fieldOrder, resetOnSuccess: true });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess headingLevel={3}>
      <div className="row">
        <div className="col-md-6">
          <TextField field={bindField(kit, "email")} label="Indirizzo email" defaultValue={initialText(kit, "email")} type="email" autoComplete="off" required />
        </div>
        <div className="col-md-6">
          <TextField
            field={bindField(kit, "name")}
            label="Nome e cognome"
            defaultValue={initialText(kit, "name")}
            autoComplete="off"
            hint="Facoltativo: compare nell'intestazione dell'area riservata."
          />
        </div>
      </div>
      <RadioGroup field={bindField(kit, "role")} legend="Profilo" options={roles} defaultValue={initialText(kit, "role")} required />
      <SubmitButton pending={pending}>Invita</SubmitButton>
    </ActionForm>
  );
}
