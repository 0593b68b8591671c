"use client";
import { useEffect, useRef } from "react";
import { useFieldArray } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { CheckboxField, Honeypot, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { PrivacyConsentField } from "@/components/forms/privacy-consent-field";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import type { MunicipalityGroup } from "@/components/registrations/organisation-fields";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { isBlankRow } from "@/lib/platform/forms/form-data";
import {
  blankReferent,
  emptyReferentSheet,
  padReferents,
  referentRowLabel,
  referentSheetFieldOrder,
  type ReferentSheetRaw,
} from "@/lib/referents/sheets/form-fields";
import { MAX_REFERENTS, referentSheetSchema } from "@/lib/referents/sheets/schema";
import { SITE } from "@/lib/site";
import { SheetReferentRows } from "./sheet-referent-rows";

const FORM_ID = "scheda";
const resolver = schemaResolver<ReferentSheetRaw>(referentSheetSchema, "referents");
// Without JavaScript every row is on the page; blank ones are ignored.
const withRows = (values: ReferentSheetRaw) => ({ ...values, referents: padReferents(values.referents, MAX_REFERENTS) });
const fieldOrder = (values: ReferentSheetRaw) => referentSheetFieldOrder(values.referents.length);

type ReferentSheetFormProps = {
  action: FormAction<ReferentSheetRaw>;
  municipalities: readonly MunicipalityGroup[];
  privacyVersion: string;
};

export function ReferentSheetForm({ action, municipalities, privacyVersion }: ReferentSheetFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyReferentSheet(), resolver, fieldOrder, prepare: withRows });
  const { kit, form, pending } = actionForm;
  const hydrated = useHydrated();
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: "referents" });

  // With JavaScript, rows are added on demand: keep the filled ones (at least one) and drop the blank spares.
  const trimmed = useRef(false);
  useEffect(() => {
    if (!hydrated || trimmed.current) return;
    trimmed.current = true;
    const rows = form.getValues("referents");
    const kept = rows.filter((row) => !isBlankRow(row));
    if (kept.length !== rows.length) replace(kept.length > 0 ? kept : [blankReferent()]);
  }, [hydrated, form, replace]);

  return (
    <ActionForm form={actionForm} order={referentSheetFieldOrder(fields.length)} contextFor={referentRowLabel}>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>

      <section className="mb-5" aria-labelledby={`${FORM_ID}-comune`}>
        <h2 id={`${FORM_ID}-comune`} className="h3 mb-4">
          Il Comune
        </h2>
        <SelectField
          field={bindField(kit, "municipalityId")}
          label="Comune"
          placeholder="Seleziona il Comune"
          groups={municipalities}
          defaultValue={initialText(kit, "municipalityId")}
          required
          hint="Puoi digitare le prime lettere del nome per trovarlo."
        />
        <TextField
          field={bindField(kit, "pec")}
          label="PEC del Comune"
          type="email"
          defaultValue={initialText(kit, "pec")}
          required
          autoComplete="off"
          hint="L'indirizzo di posta elettronica certificata del protocollo del Comune."
        />
      </section>

      <SheetReferentRows
        kit={kit}
        rows={fields.map((field) => ({ key: field.id, values: field }))}
        onAdd={hydrated ? () => append(blankReferent()) : undefined}
        onRemove={hydrated ? (index) => remove(index) : undefined}
      />

      <section className="mb-5" aria-labelledby={`${FORM_ID}-compilatore`}>
        <h2 id={`${FORM_ID}-compilatore`} className="h3 mb-4">
          Chi compila la scheda
        </h2>
        <p>Ti scriveremo a questo indirizzo per confermare che abbiamo ricevuto la scheda e per comunicarti l&apos;esito della verifica.</p>
        <div className="row">
          <div className="col-md-6">
            <TextField field={bindField(kit, "officerFirstName")} label="Nome" defaultValue={initialText(kit, "officerFirstName")} required autoComplete="given-name" />
          </div>
          <div className="col-md-6">
            <TextField field={bindField(kit, "officerLastName")} label="Cognome" defaultValue={initialText(kit, "officerLastName")} required autoComplete="family-name" />
          </div>
          <div className="col-md-6">
            <TextField
              field={bindField(kit, "officerRoleTitle")}
              label="Ruolo o qualifica"
              defaultValue={initialText(kit, "officerRoleTitle")}
              required
              autoComplete="organization-title"
              hint="Ad esempio: Funzionario dell'Ufficio di gabinetto del Sindaco."
            />
          </div>
          <div className="col-md-6">
            <TextField field={bindField(kit, "officerEmail")} label="Email" type="email" defaultValue={initialText(kit, "officerEmail")} required autoComplete="email" />
          </div>
          <div className="col-md-6">
            <TextField
              field={bindField(kit, "officerPhone")}
              label="Telefono (facoltativo)"
              type="tel"
              defaultValue={initialText(kit, "officerPhone")}
              autoComplete="tel"
              hint="Fisso o cellulare, ad esempio 0935 123 456 o 333 123 4567."
            />
          </div>
        </div>
      </section>

      <section className="mb-5" aria-labelledby={`${FORM_ID}-privacy`}>
        <h2 id={`${FORM_ID}-privacy`} className="h3 mb-4">
          Privacy
        </h2>
        <PrivacyConsentField kit={kit} privacyVersion={privacyVersion} tail=" e l'ho portata a conoscenza dei referenti indicati" />
        <CheckboxField
          field={bindField(kit, "communicationsConsent")}
          defaultChecked={kit.initial("communicationsConsent") === true}
          label="Il Comune desidera ricevere le comunicazioni del Coordinamento sulle prossime iniziative (facoltativo)"
          hint={`Il consenso si può revocare in qualsiasi momento scrivendo a ${SITE.contactEmail}.`}
        />
      </section>

      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Invia la scheda</SubmitButton>
    </ActionForm>
  );
}
