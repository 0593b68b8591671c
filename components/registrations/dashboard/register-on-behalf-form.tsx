"use client";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText } from "@/components/forms/field-kit";
import { CheckboxField, RadioGroup, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { MunicipalityGroup } from "@/components/registrations/organisation-fields";
import type { FormAction } from "@/lib/forms/action-state";
import { formatIsoCalendarDate } from "@/lib/format/dates";
import { emptyOnBehalf, ON_BEHALF_FIELD_ORDER, type OnBehalfRaw } from "@/lib/registrations/dashboard/form-fields";
import { registrationSchema } from "@/lib/registrations/schema";

const FORM_ID = "iscrizione-per-conto";
const resolver = schemaResolver<OnBehalfRaw>(registrationSchema);
const fieldOrder = () => [...ON_BEHALF_FIELD_ORDER];

const ORGANISATION_OPTIONS = [
  { value: "COMUNE", label: "Comune" },
  { value: "ENTE_GESTORE", label: "Ente gestore" },
  { value: "ALTRO_ENTE", label: "Altro ente" },
] as const;

type RegisterOnBehalfFormProps = {
  action: FormAction<OnBehalfRaw>;
  municipalities: readonly MunicipalityGroup[];
  privacyVersion: string;
};

/**
 * A coordinator registers someone (a phone call, a late addition). The same
 * schema as the public form; the person receives the same confirmation with
 * their personal link. After each registration the form is empty again.
 */
export function RegisterOnBehalfForm({ action, municipalities, privacyVersion }: RegisterOnBehalfFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyOnBehalf(), resolver, fieldOrder, resetOnSuccess: true });
  const { kit, form, pending, hydrated } = actionForm;
  const organisationType = useWatch({ control: form.control, name: "organisationType" }) ?? "";
  const showMunicipality = !hydrated || organisationType === "COMUNE";
  const showName = !hydrated || (organisationType !== "" && organisationType !== "COMUNE");
  return (
    <ActionForm form={actionForm} order={ON_BEHALF_FIELD_ORDER} showSuccess>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>

      <section className="mb-4" aria-labelledby={`${FORM_ID}-persona`}>
        <h2 id={`${FORM_ID}-persona`} className="h4">
          La persona
        </h2>
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
              hint="La persona riceverà qui la conferma e il link personale per gestire l'iscrizione."
            />
          </div>
          <div className="col-md-6">
            <TextField
              field={bindField(kit, "phone")}
              label="Telefono (facoltativo)"
              type="tel"
              defaultValue={initialText(kit, "phone")}
              autoComplete="off"
              hint="Fisso o cellulare, ad esempio 091 123 4567 o 333 123 4567."
            />
          </div>
          <div className="col-md-6">
            <TextField field={bindField(kit, "roleTitle")} label="Ruolo o qualifica" defaultValue={initialText(kit, "roleTitle")} required autoComplete="off" />
          </div>
        </div>
      </section>

      <section className="mb-4" aria-labelledby={`${FORM_ID}-ente`}>
        <h2 id={`${FORM_ID}-ente`} className="h4">
          Ente
        </h2>
        <RadioGroup
          field={bindField(kit, "organisationType")}
          legend="Partecipa per conto di"
          options={ORGANISATION_OPTIONS}
          defaultValue={initialText(kit, "organisationType")}
          required
        />
        {showMunicipality ? (
          <SelectField
            field={bindField(kit, "municipalityId", { shouldUnregister: true })}
            label="Comune"
            placeholder="Seleziona il Comune"
            groups={municipalities}
            defaultValue={initialText(kit, "municipalityId")}
            required={hydrated}
            hint={hydrated ? undefined : "Solo per chi partecipa per conto di un Comune."}
          />
        ) : null}
        {showName ? (
          <TextField
            field={bindField(kit, "organisationName", { shouldUnregister: true })}
            label="Nome dell'ente"
            defaultValue={initialText(kit, "organisationName")}
            required={hydrated}
            autoComplete="off"
            hint={hydrated ? undefined : "Solo per chi partecipa per conto di un ente gestore o di un altro ente."}
          />
        ) : null}
      </section>

      <section className="mb-4" aria-labelledby={`${FORM_ID}-privacy`}>
        <h2 id={`${FORM_ID}-privacy`} className="h4">
          Privacy
        </h2>
        <CheckboxField
          field={bindField(kit, "privacyConsent")}
          defaultChecked={kit.initial("privacyConsent") === true}
          required
          label={
            <>
              La persona ha ricevuto l&apos;
              <a href="/privacy" target="_blank" rel="noopener">
                informativa sul trattamento dei dati personali<span className="visually-hidden"> (si apre in una nuova scheda)</span>
              </a>{" "}
              (versione del {formatIsoCalendarDate(privacyVersion)})
            </>
          }
        />
        <CheckboxField
          field={bindField(kit, "communicationsConsent")}
          defaultChecked={kit.initial("communicationsConsent") === true}
          label="La persona ha chiesto di ricevere le comunicazioni del Coordinamento sulle prossime iniziative (facoltativo)"
          hint="Spunta solo se la persona lo ha chiesto espressamente: potrà revocare il consenso dalla pagina della sua iscrizione."
        />
      </section>

      <SubmitButton pending={pending}>Registra l&apos;iscrizione</SubmitButton>
    </ActionForm>
  );
}
