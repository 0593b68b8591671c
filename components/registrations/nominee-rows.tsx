import { TextField } from "@/components/forms/fields";
import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { fieldId } from "@/lib/forms/action-state";
import { MAX_NOMINEES } from "@/lib/registrations/schema";
import type { NomineeRaw } from "@/lib/registrations/form-fields";
import { MANAGING_BODIES_LIST_ID } from "./managing-bodies-datalist";

type NomineeRowsProps = {
  kit: FieldKit;
  rows: readonly { key: string; values: NomineeRaw }[];
  /** Present once JavaScript runs: rows can then be added and removed. */
  onAdd?: () => void;
  onRemove?: (index: number) => void;
  headingLevel?: 2 | 3;
  intro: string;
};

/**
 * The enti gestori's representatives to invite. Without JavaScript the page
 * offers a few rows and ignores the blank ones; with it, rows are added and
 * removed here.
 */
export function NomineeRows({ kit, rows, onAdd, onRemove, headingLevel = 2, intro }: NomineeRowsProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sectionId = fieldId(kit.formId, "nominees");
  const error = kit.errors.nominees;
  return (
    <section className="mb-5" aria-labelledby={`${sectionId}-titolo`}>
      <Heading id={`${sectionId}-titolo`} className={headingLevel === 2 ? "h3" : "h4"}>
        <span id={sectionId} tabIndex={-1}>
          Enti gestori da invitare
        </span>
      </Heading>
      <p>{intro}</p>
      {onAdd ? null : <p className="small">Compila solo le righe che ti servono: le righe lasciate vuote non saranno considerate.</p>}
      {error ? (
        <div className="invalid-feedback d-block mb-3" id={`${sectionId}-errore`}>
          <span className="visually-hidden">Errore: </span>
          {error}
        </div>
      ) : null}
      {rows.map((row, index) => {
        const base = `nominees.${index}`;
        const legend = `Rappresentante ${index + 1}`;
        return (
          <fieldset key={row.key} className="border-top pt-3 mb-3">
            <legend className="px-0 h6">{legend}</legend>
            <div className="row">
              <div className="col-md-6 col-lg-3">
                <TextField field={bindField(kit, `${base}.firstName`)} label="Nome" defaultValue={row.values.firstName} autoComplete="off" />
              </div>
              <div className="col-md-6 col-lg-3">
                <TextField field={bindField(kit, `${base}.lastName`)} label="Cognome" defaultValue={row.values.lastName} autoComplete="off" />
              </div>
              <div className="col-md-6 col-lg-3">
                <TextField field={bindField(kit, `${base}.email`)} label="Email" type="email" defaultValue={row.values.email} autoComplete="off" />
              </div>
              <div className="col-md-6 col-lg-3">
                <TextField
                  field={bindField(kit, `${base}.managingBodyName`)}
                  label="Ente gestore"
                  defaultValue={row.values.managingBodyName}
                  autoComplete="off"
                  list={MANAGING_BODIES_LIST_ID}
                />
              </div>
            </div>
            {onRemove ? (
              <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onRemove(index)}>
                Rimuovi<span className="visually-hidden"> il rappresentante {index + 1}</span>
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {onAdd ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onAdd} disabled={rows.length >= MAX_NOMINEES}>
          Aggiungi un rappresentante
        </button>
      ) : null}
      {onAdd && rows.length >= MAX_NOMINEES ? <p className="small mt-2">Puoi invitare al massimo {MAX_NOMINEES} rappresentanti.</p> : null}
    </section>
  );
}
