"use client";
import { useFieldArray, useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { Honeypot, SubmitButton } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FieldKit } from "@/components/forms/field-kit";
import type { FormAction } from "@/lib/platform/forms/action-state";
import {
  blankNominee,
  NOMINEE_COLUMNS,
  emptyRegistration,
  nomineeRowLabel,
  padNominees,
  registrationFieldOrder,
  type RegistrationFormRaw,
} from "@/lib/registrations/form-fields";
import { sameBodyName, type KnownBodiesByMunicipality, type KnownBody } from "@/lib/registrations/link-up/known";
import { MAX_NOMINEES, publicRegistrationSchema } from "@/lib/registrations/schema";
import { ConsentFields } from "./consent-fields";
import { KnownBodies } from "./known-bodies";
import { NomineeRows } from "./nominee-rows";
import { OrganisationFields, type MunicipalityGroup } from "./organisation-fields";
import { PersonFields } from "./person-fields";
import { useReferentPrefill, type LookupReferent } from "./use-referent-prefill";

const FORM_ID = "iscrizione";
const rowsResolver = schemaResolver<RegistrationFormRaw>(publicRegistrationSchema, "nominees");
// With JavaScript the rows are shown (and posted) only for a Comune: what is hidden is not checked either.
const resolver: typeof rowsResolver = (values, context, options) =>
  rowsResolver(values.organisationType === "COMUNE" ? values : { ...values, nominees: [] }, context, options);
const withRows = (values: RegistrationFormRaw) => ({ ...values, nominees: padNominees(values.nominees) });
const fieldOrder = (values: RegistrationFormRaw) => registrationFieldOrder(values.nominees.length);

type RegistrationFormProps = {
  action: FormAction<RegistrationFormRaw>;
  municipalities: readonly MunicipalityGroup[];
  privacyVersion: string;
  /** The managing bodies of each Comune's SAI projects, offered once the registrant has chosen their Comune. */
  knownBodies?: KnownBodiesByMunicipality;
  /** Asks whether the email given is a Comune's active referent, to pre-fill the rest. */
  lookupReferent?: LookupReferent;
};

const isBlankRow = (row: Record<string, string> | undefined) => NOMINEE_COLUMNS.every((column) => !row?.[column]?.trim());

/** The kit, with the email field also telling `onEmailGiven` what it holds when it is left. */
function withEmailListener(kit: FieldKit, onEmailGiven: (value: string) => void): FieldKit {
  return {
    ...kit,
    register: (path, options) => {
      const registration = kit.register(path, options);
      if (path !== "email") return registration;
      return {
        ...registration,
        onBlur: async (event) => {
          await registration.onBlur(event);
          onEmailGiven((event.target as HTMLInputElement).value);
        },
      };
    },
  };
}

export function RegistrationForm({ action, municipalities, privacyVersion, knownBodies = {}, lookupReferent }: RegistrationFormProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues: emptyRegistration(), resolver, fieldOrder, prepare: withRows });
  const { kit, form, pending, hydrated } = actionForm;
  const { control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "nominees" });
  const organisationType = useWatch({ control, name: "organisationType" });
  const municipalityId = useWatch({ control, name: "municipalityId" });
  const nominees = useWatch({ control, name: "nominees" });
  const { announcement, onEmailGiven } = useReferentPrefill(form, lookupReferent);

  const bodies = hydrated && organisationType === "COMUNE" && municipalityId ? (knownBodies[municipalityId] ?? []) : [];
  const municipalityName = municipalities.flatMap((group) => group.options).find((option) => option.value === municipalityId)?.label;
  const isInvited = (body: KnownBody) => (nominees ?? []).some((row) => sameBodyName(row?.managingBodyName ?? "", body.name));
  // The first row left blank takes the body; otherwise a new row. Either way the cursor goes to its first field.
  const invite = (body: KnownBody) => {
    const blank = form.getValues("nominees").findIndex(isBlankRow);
    if (blank >= 0) {
      form.setValue(`nominees.${blank}.managingBodyName`, body.name, { shouldDirty: true });
      form.setFocus(`nominees.${blank}.firstName`);
    } else if (fields.length < MAX_NOMINEES) {
      append({ ...blankNominee(), managingBodyName: body.name }, { focusName: `nominees.${fields.length}.firstName` });
    }
  };

  return (
    <ActionForm form={actionForm} order={registrationFieldOrder(fields.length)} contextFor={nomineeRowLabel}>
      <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori.</p>

      <section className="mb-5" aria-labelledby={`${FORM_ID}-dati`}>
        <h2 id={`${FORM_ID}-dati`} className="h3 mb-4">
          I tuoi dati
        </h2>
        <PersonFields kit={hydrated ? withEmailListener(kit, onEmailGiven) : kit} email="editable" />
        <div role="status" aria-live="polite">
          {announcement ? <p className="alert alert-info">{announcement}</p> : null}
        </div>
      </section>

      <section className="mb-5" aria-labelledby={`${FORM_ID}-ente`}>
        <h2 id={`${FORM_ID}-ente`} className="h3 mb-4">
          Ente di appartenenza
        </h2>
        <OrganisationFields
          kit={kit}
          municipalities={municipalities}
          organisationType={organisationType ?? ""}
          enhanced={hydrated}
          searchable
          municipalityId={municipalityId ?? ""}
        />
      </section>

      {!hydrated || organisationType === "COMUNE" ? (
        <NomineeRows
          kit={kit}
          rows={fields.map((field) => ({ key: field.id, values: field }))}
          intro="Se partecipi per un Comune, indica i rappresentanti degli enti gestori dei progetti SAI del tuo Comune: riceveranno un invito personale per iscriversi."
          onAdd={hydrated ? () => append(blankNominee()) : undefined}
          onRemove={hydrated ? (index) => remove(index) : undefined}
          suggestions={
            bodies.length > 0 && municipalityName ? (
              <KnownBodies
                formId={FORM_ID}
                municipalityName={municipalityName}
                bodies={bodies}
                isInvited={isInvited}
                full={fields.length >= MAX_NOMINEES && !fields.some((_, index) => isBlankRow(nominees?.[index]))}
                onInvite={invite}
              />
            ) : null
          }
        />
      ) : null}

      <section className="mb-5" aria-labelledby={`${FORM_ID}-privacy`}>
        <h2 id={`${FORM_ID}-privacy`} className="h3 mb-4">
          Privacy
        </h2>
        <ConsentFields kit={kit} privacyVersion={privacyVersion} />
      </section>

      <Honeypot formId={FORM_ID} />
      <SubmitButton pending={pending}>Invia l&apos;iscrizione</SubmitButton>
    </ActionForm>
  );
}
