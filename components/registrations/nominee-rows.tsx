import type { ReactNode } from "react";
import { TextField } from "@/components/forms/fields";
import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { RemoveRowButton, RepeatedRows } from "@/components/forms/repeated-rows";
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
  /** Shown above the rows: e.g. the known enti gestori of the registrant's Comune, to invite in one click. */
  suggestions?: ReactNode;
};

/**
 * The enti gestori's representatives to invite. Without JavaScript the page
 * offers a few rows and ignores the blank ones; with it, rows are added and
 * removed here.
 */
export function NomineeRows({ kit, rows, onAdd, onRemove, headingLevel = 2, intro, suggestions }: NomineeRowsProps) {
  return (
    <RepeatedRows
      kit={kit}
      name="nominees"
      title="Enti gestori da invitare"
      heading={{ level: headingLevel, className: headingLevel === 2 ? "h3" : "h4" }}
      intro={intro}
      addLabel="Aggiungi un rappresentante"
      limitNote={`Puoi invitare al massimo ${MAX_NOMINEES} rappresentanti.`}
      max={MAX_NOMINEES}
      count={rows.length}
      onAdd={onAdd}
    >
      {suggestions}
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
            <RemoveRowButton label={`il rappresentante ${index + 1}`} onRemove={onRemove ? () => onRemove(index) : undefined} />
          </fieldset>
        );
      })}
    </RepeatedRows>
  );
}
