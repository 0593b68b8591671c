"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { managingBodyForm, managingBodySchema, type ManagingBodyRaw } from "@/lib/managing-bodies/schema";

const ORDER = pageOrder(managingBodyForm);
const resolver = schemaResolver<ManagingBodyRaw>(managingBodySchema);
const fieldOrder = () => ORDER;

type Props = {
  action: FormAction<ManagingBodyRaw>;
  initialValues: ManagingBodyRaw;
  formId: string;
  submitLabel: string;
  /** Editing says "saved" at the top of the form; creating goes to the new body's page instead. */
  showSuccess?: boolean;
};

/** A managing body's name, tax code and contacts. */
export function ManagingBodyForm({ action, initialValues, formId, submitLabel, showSuccess = false }: Props) {
  const actionForm = useActionForm({ formId, action, initialValues, resolver, fieldOrder });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess={showSuccess}>
      <TextField field={bindField(kit, "name")} label="Nome dell'ente gestore" defaultValue={initialText(kit, "name")} autoComplete="off" required />
      <TextField
        field={bindField(kit, "taxCode")}
        label="Codice fiscale o partita IVA"
        defaultValue={initialText(kit, "taxCode")}
        autoComplete="off"
        hint="Facoltativo. 11 cifre per un ente (anche con «IT» davanti), 16 caratteri per una persona: la cifra o lettera di controllo è verificata."
      />
      <div className="row">
        <div className="col-md-6">
          <TextField field={bindField(kit, "email")} label="Email" type="email" defaultValue={initialText(kit, "email")} autoComplete="off" hint="Facoltativa." />
        </div>
        <div className="col-md-6">
          <TextField field={bindField(kit, "pec")} label="PEC" type="email" defaultValue={initialText(kit, "pec")} autoComplete="off" hint="Facoltativa." />
        </div>
      </div>
      <TextField field={bindField(kit, "phone")} label="Telefono" type="tel" defaultValue={initialText(kit, "phone")} autoComplete="off" hint="Facoltativo." />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
