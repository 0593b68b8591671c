import { RadioGroup, SelectField, TextField } from "@/components/forms/fields";
import { ComboboxField } from "@/components/forms/combobox-field";
import { bindField, initialText, type FieldKit } from "@/components/forms/field-kit";

export type MunicipalityGroup = { label: string; options: { value: string; label: string }[] };

const ORGANISATION_OPTIONS = [
  { value: "COMUNE", label: "Comune" },
  { value: "ENTE_GESTORE", label: "Ente gestore" },
  { value: "ALTRO_ENTE", label: "Altro ente" },
] as const;

const WORDING = {
  self: {
    legend: "Partecipi per conto di",
    municipalityHint: "Puoi digitare le prime lettere del nome per trovarlo.",
    searchHint: "Digita le prime lettere del nome, poi scegli il Comune dall'elenco con le frecce e Invio o con un clic.",
    municipalityOnly: "Solo se partecipi per conto di un Comune.",
    nameOnly: "Solo se partecipi per conto di un ente gestore o di un altro ente.",
    nameAutoComplete: "organization",
  },
  onBehalf: {
    legend: "Partecipa per conto di",
    municipalityHint: undefined,
    searchHint: undefined,
    municipalityOnly: "Solo per chi partecipa per conto di un Comune.",
    nameOnly: "Solo per chi partecipa per conto di un ente gestore o di un altro ente.",
    nameAutoComplete: "off",
  },
};

type OrganisationFieldsProps = {
  kit: FieldKit;
  municipalities: readonly MunicipalityGroup[];
  /** The type chosen so far; with JavaScript only the field it needs is shown. */
  organisationType: string;
  enhanced: boolean;
  /** A coordinator fills them in for someone else: the texts speak of the person, not to them. */
  onBehalf?: boolean;
  /** With JavaScript, the Comune is searched by name in a combobox instead of picked from a 391-entry list. */
  searchable?: boolean;
  /** The Comune chosen so far, for the combobox to follow a pre-fill. */
  municipalityId?: string;
};

/** On whose behalf the person takes part: a municipality from the list, or an organisation by name. */
export function OrganisationFields({ kit, municipalities, organisationType, enhanced, onBehalf = false, searchable = false, municipalityId }: OrganisationFieldsProps) {
  const wording = onBehalf ? WORDING.onBehalf : WORDING.self;
  const showMunicipality = !enhanced || organisationType === "COMUNE";
  const showName = !enhanced || (organisationType !== "" && organisationType !== "COMUNE");
  return (
    <>
      <RadioGroup
        field={bindField(kit, "organisationType")}
        legend={wording.legend}
        options={ORGANISATION_OPTIONS}
        defaultValue={initialText(kit, "organisationType")}
        required
      />
      {showMunicipality && searchable && enhanced ? (
        <ComboboxField
          field={bindField(kit, "municipalityId", { shouldUnregister: true })}
          label="Comune"
          groups={municipalities}
          defaultValue={initialText(kit, "municipalityId")}
          required
          hint={wording.searchHint}
          noun={{ one: "Comune", other: "Comuni" }}
          value={municipalityId}
        />
      ) : showMunicipality ? (
        <SelectField
          field={bindField(kit, "municipalityId", { shouldUnregister: true })}
          label="Comune"
          placeholder="Seleziona il Comune"
          groups={municipalities}
          defaultValue={initialText(kit, "municipalityId")}
          required={enhanced}
          hint={enhanced ? wording.municipalityHint : wording.municipalityOnly}
        />
      ) : null}
      {showName ? (
        <TextField
          field={bindField(kit, "organisationName", { shouldUnregister: true })}
          label="Nome dell'ente"
          defaultValue={initialText(kit, "organisationName")}
          required={enhanced}
          autoComplete={wording.nameAutoComplete}
          hint={enhanced ? undefined : wording.nameOnly}
        />
      ) : null}
    </>
  );
}
