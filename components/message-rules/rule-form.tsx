"use client";
// Add or edit a rule: when, to whom, subject and Markdown text, with a live
// preview filled as for a sample recipient. It posts without JavaScript too
// (the preview then shows the text as last submitted).
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { CheckboxField, FieldError, RadioGroup, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { MarkdownText } from "@/components/ui/markdown";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { pageOrder } from "@/lib/platform/forms/form-data";
import { ANCHOR_LABELS, AUDIENCE_HINTS, AUDIENCE_LABELS, unitLabel } from "@/lib/message-rules/labels";
import { fillPlaceholders, PLACEHOLDERS, type PlaceholderValues } from "@/lib/message-rules/placeholders";
import {
  MESSAGE_ANCHORS,
  MESSAGE_AUDIENCES,
  messageRuleForm,
  messageRuleSchema,
  OFFSET_UNITS,
  type MessageRuleRaw,
} from "@/lib/message-rules/schema";

const ORDER = pageOrder(messageRuleForm);
const resolver = schemaResolver<MessageRuleRaw>(messageRuleSchema);
const ANCHOR_OPTIONS = MESSAGE_ANCHORS.map((value) => ({ value, label: ANCHOR_LABELS[value] }));
const AUDIENCE_OPTIONS = MESSAGE_AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] }));

type Props = {
  formId: string;
  action: FormAction<MessageRuleRaw>;
  initialValues: MessageRuleRaw;
  /** The meeting as the placeholders fill it; the recipient is a sample one. */
  meeting: Omit<PlaceholderValues, "firstName" | "lastName">;
  submitLabel: string;
};

function PlaceholderList() {
  return (
    <>
      Testo in Markdown: **grassetto**, *corsivo*, elenchi con «- », link come [testo](https://…). Segnaposto sostituiti per
      ogni destinatario:{" "}
      {PLACEHOLDERS.map(({ token, description }, index) => (
        <span key={token}>
          <code>{token}</code> {description}
          {index < PLACEHOLDERS.length - 1 ? "; " : "."}
        </span>
      ))}{" "}
      Il link di collegamento non viene aggiunto: è riservato agli iscritti confermati, incollalo solo nei messaggi a loro.
    </>
  );
}

export function RuleForm({ formId, action, initialValues, meeting, submitLabel }: Props) {
  const actionForm = useActionForm({ formId, action, initialValues, resolver, fieldOrder: () => ORDER });
  const { kit, pending, form } = actionForm;
  const unit = bindField(kit, "offsetUnit");
  const sample: PlaceholderValues = { ...meeting, firstName: "Maria", lastName: "Rossi" };
  const subject = form.watch("subject") ?? initialValues.subject;
  const body = form.watch("body") ?? initialValues.body;
  const offsetValue = form.watch("offsetValue") ?? initialValues.offsetValue;

  return (
    <div className="row">
      <div className="col-lg-7">
        <ActionForm form={actionForm} order={ORDER} headingLevel={3}>
          <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>
          <RadioGroup field={bindField(kit, "anchor")} legend="Quando" options={ANCHOR_OPTIONS} defaultValue={initialText(kit, "anchor")} required />
          <div className="row">
            <div className="col-6">
              <TextField
                field={bindField(kit, "offsetValue")}
                label="Quanto prima o dopo"
                defaultValue={initialText(kit, "offsetValue")}
                inputMode="numeric"
                autoComplete="off"
                required
                hint="0 = all'inizio o alla fine"
              />
            </div>
            <div className="col-6">
              <div className="select-wrapper mb-4">
                <label htmlFor={unit.id}>Unità</label>
                <select
                  id={unit.id}
                  defaultValue={initialText(kit, "offsetUnit")}
                  className={unit.error ? "is-invalid" : undefined}
                  aria-invalid={unit.error ? true : undefined}
                  aria-describedby={unit.error ? `${unit.id}-errore` : undefined}
                  {...unit.registration}
                >
                  {OFFSET_UNITS.map((value) => (
                    <option key={value} value={value}>
                      {unitLabel(value, offsetValue)}
                    </option>
                  ))}
                </select>
                <FieldError id={unit.id} error={unit.error} />
              </div>
            </div>
          </div>
          <RadioGroup
            field={bindField(kit, "audience")}
            legend="A chi"
            options={AUDIENCE_OPTIONS}
            defaultValue={initialText(kit, "audience")}
            required
            hint={`Presenti: ${AUDIENCE_HINTS.PRESENT}. Assenti: ${AUDIENCE_HINTS.ABSENT}. Presenti e assenti solo dopo la fine: se a quel momento nessuna presenza è registrata, il messaggio attende che lo sia.`}
          />
          <TextField field={bindField(kit, "subject")} label="Oggetto" defaultValue={initialText(kit, "subject")} required autoComplete="off" />
          <TextAreaField field={bindField(kit, "body")} label="Testo" defaultValue={initialText(kit, "body")} required rows={9} hint={<PlaceholderList />} />
          <CheckboxField
            field={bindField(kit, "active")}
            label="Attivo"
            defaultChecked={kit.initial("active") === true}
            hint="Un messaggio non attivo non parte al momento previsto; si può sempre inviare con «Invia ora»."
          />
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        </ActionForm>
      </div>
      <div className="col-lg-5">
        <section aria-labelledby={`${formId}-anteprima`} className="border rounded p-3 mt-4 mt-lg-0 bg-light">
          <h3 id={`${formId}-anteprima`} className="h5">
            Anteprima per un destinatario di esempio (Maria Rossi)
          </h3>
          <p className="mb-2">
            <strong>Oggetto:</strong> {subject ? fillPlaceholders(subject, sample) : <em>nessun oggetto</em>}
          </p>
          <div className="bg-white border rounded p-2">
            {body ? <MarkdownText>{fillPlaceholders(body, sample, { markdown: true })}</MarkdownText> : <p className="mb-0"><em>Nessun testo</em></p>}
          </div>
          <p className="small mt-2 mb-0">
            Sotto il testo l&apos;email riporta titolo, data e modalità dell&apos;incontro, il link alla convocazione e il motivo per cui
            il destinatario la riceve.
          </p>
        </section>
      </div>
    </div>
  );
}
