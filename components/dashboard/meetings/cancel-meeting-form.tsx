"use client";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { CheckboxField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { cancelMeetingForm, type CancelMeetingRaw } from "@/lib/meetings/form";
import { emptyValues, pageOrder } from "@/lib/platform/forms/form-data";
import { cancelMeetingSchema } from "@/lib/meetings/schema";

const FORM_ID = "annulla-convocazione";
const ORDER = pageOrder(cancelMeetingForm);
const resolver = schemaResolver<CancelMeetingRaw>(cancelMeetingSchema);
const fieldOrder = () => ORDER;

type CancelMeetingFormProps = {
  action: FormAction<CancelMeetingRaw>;
  /** Confirmed and waitlisted registrants, who will each get an email. */
  registrants: number;
};

/** Cancelling tells every registrant: the reason is asked, and an explicit confirmation, in the form itself. */
export function CancelMeetingForm({ action, registrants }: CancelMeetingFormProps) {
  const actionForm = useActionForm({
    formId: FORM_ID,
    action,
    initialValues: emptyValues(cancelMeetingForm),
    resolver,
    fieldOrder,
  });
  const { kit, pending } = actionForm;
  const who =
    registrants === 0
      ? "Nessuno è iscritto finora."
      : registrants === 1
        ? "La persona iscritta riceverà un'email con il motivo."
        : `Le ${registrants} persone iscritte (confermate o in lista d'attesa) riceveranno ciascuna un'email con il motivo.`;
  return (
    <ActionForm form={actionForm} order={ORDER} headingLevel={3}>
      <p>
        La pagina pubblica resterà consultabile con l&apos;avviso di annullamento e non accetterà più iscrizioni. {who}{" "}
        L&apos;annullamento non si può revocare.
      </p>
      <TextAreaField
        field={bindField(kit, "reason")}
        defaultValue={initialText(kit, "reason")}
        label="Motivo dell'annullamento"
        required
        rows={3}
        hint="Compare nella pagina pubblica e nell'email agli iscritti."
      />
      <CheckboxField field={bindField(kit, "confirm")} defaultChecked={kit.initial("confirm") === true} label="Confermo di voler annullare la convocazione" />
      <SubmitButton pending={pending} variant="danger">
        Annulla la convocazione
      </SubmitButton>
    </ActionForm>
  );
}
