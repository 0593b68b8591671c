"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { MunicipalityGroup } from "@/components/registrations/organisation-fields";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { inviteOnBehalfForm, inviteOnBehalfSchema, type InviteOnBehalfRaw } from "@/lib/invitations/dashboard/schema";

const FORM_ID = "invito-per-conto";
const ORDER = pageOrder(inviteOnBehalfForm);
const resolver = schemaResolver<InviteOnBehalfRaw>(inviteOnBehalfSchema);
const fieldOrder = () => ORDER;

type Props = {
  action: FormAction<InviteOnBehalfRaw>;
  /** The meeting's live registrations: who the invitation is sent on behalf of (none: a direct invitation). */
  inviters: { id: string; label: string }[];
  /** For a direct invitation: the municipality whose SAI projects the gestore runs. */
  municipalityGroups: MunicipalityGroup[];
  /** The enti gestori already known, suggested as the name is typed. */
  managingBodiesListId?: string;
};

/**
 * A nomination a registrant asked the coordinators to enter (the invitee
 * receives the usual invitation, in the registrant's name), or a direct
 * invitation from the Coordinamento's secretariat when no registrant is chosen.
 */
export function InviteOnBehalfForm({ action, inviters, municipalityGroups, managingBodiesListId }: Props) {
  const actionForm = useActionForm({
    formId: FORM_ID,
    action,
    initialValues: emptyValues(inviteOnBehalfForm),
    resolver,
    fieldOrder,
    resetOnSuccess: true,
  });
  const { kit, pending } = actionForm;
  return (
    <ActionForm form={actionForm} order={ORDER} showSuccess headingLevel={3}>
      <SelectField
        field={bindField(kit, "registrationId")}
        label="Per conto di"
        placeholder="Nessuno: invito diretto della segreteria del Coordinamento"
        groups={[{ label: "Iscritti all'incontro", options: inviters.map((inviter) => ({ value: inviter.id, label: inviter.label })) }]}
        defaultValue={initialText(kit, "registrationId")}
        hint="Se scegli un iscritto, l'invito risulterà fatto da questa persona e il suo nome comparirà nell'email."
      />
      <SelectField
        field={bindField(kit, "municipalityId")}
        label="Comune (solo per l'invito diretto)"
        placeholder="Nessun Comune indicato"
        groups={municipalityGroups}
        defaultValue={initialText(kit, "municipalityId")}
        hint="Il Comune titolare del progetto SAI gestito dall'ente. Per un invito per conto di un iscritto vale il Comune dell'iscritto."
      />
      <div className="row">
        <div className="col-md-6">
          <TextField field={bindField(kit, "firstName")} label="Nome" defaultValue={initialText(kit, "firstName")} required />
        </div>
        <div className="col-md-6">
          <TextField field={bindField(kit, "lastName")} label="Cognome" defaultValue={initialText(kit, "lastName")} required />
        </div>
        <div className="col-md-6">
          <TextField
            field={bindField(kit, "email")}
            label="Email"
            type="email"
            autoComplete="off"
            defaultValue={initialText(kit, "email")}
            required
          />
        </div>
        <div className="col-md-6">
          <TextField
            field={bindField(kit, "managingBodyName")}
            label="Ente gestore"
            defaultValue={initialText(kit, "managingBodyName")}
            list={managingBodiesListId}
            required
          />
        </div>
      </div>
      <SubmitButton pending={pending}>Invia l&apos;invito</SubmitButton>
    </ActionForm>
  );
}
