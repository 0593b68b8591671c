import { RadioGroup, TextField } from "@/components/forms/fields";
import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { RemoveRowButton, RepeatedRows } from "@/components/forms/repeated-rows";
import type { SheetReferentRaw } from "@/lib/referents/sheets/form-fields";
import { MAX_REFERENTS } from "@/lib/referents/sheets/schema";
import { ROLE_OPTIONS } from "./role-options";


type SheetReferentRowsProps = {
  kit: FieldKit;
  rows: readonly { key: string; values: SheetReferentRaw }[];
  /** Present once JavaScript runs: rows can then be added and removed. */
  onAdd?: () => void;
  onRemove?: (index: number) => void;
};

/** The referents the Comune designates, one to five. */
export function SheetReferentRows({ kit, rows, onAdd, onRemove }: SheetReferentRowsProps) {
  return (
    <RepeatedRows
      kit={kit}
      name="referents"
      title="Referenti del Comune"
      heading={{ level: 2, className: "h3 mb-3" }}
      intro="Indica da uno a cinque referenti per il Coordinamento: una figura politica (ad esempio l'assessore competente) e/o tecnica (ad esempio il responsabile dei servizi sociali o del progetto SAI). Riceveranno le convocazioni e le comunicazioni del Coordinamento."
      addLabel="Aggiungi un referente"
      limitNote={`Puoi indicare al massimo ${MAX_REFERENTS} referenti.`}
      max={MAX_REFERENTS}
      count={rows.length}
      onAdd={onAdd}
    >
      {rows.map((row, index) => {
        const base = `referents.${index}`;
        // Without JavaScript the later rows are optional spares; with it, every row shown was asked for.
        const required = index === 0 || Boolean(onAdd);
        return (
          <fieldset key={row.key} className="border-top pt-3 mb-3">
            <legend className="px-0 h6">Referente {index + 1}</legend>
            <div className="row">
              <div className="col-md-6">
                <TextField field={bindField(kit, `${base}.firstName`)} label="Nome" defaultValue={row.values.firstName} autoComplete="off" required={required} />
              </div>
              <div className="col-md-6">
                <TextField field={bindField(kit, `${base}.lastName`)} label="Cognome" defaultValue={row.values.lastName} autoComplete="off" required={required} />
              </div>
            </div>
            <RadioGroup field={bindField(kit, `${base}.role`)} legend="Ruolo" options={ROLE_OPTIONS} defaultValue={row.values.role} required={required} />
            <TextField
              field={bindField(kit, `${base}.office`)}
              label="Ufficio o incarico"
              defaultValue={row.values.office}
              autoComplete="off"
              required={required}
              hint="Ad esempio: Assessore alle politiche sociali, Responsabile dell'Ufficio servizi sociali."
            />
            <div className="row">
              <div className="col-md-6">
                <TextField field={bindField(kit, `${base}.email`)} label="Email" type="email" defaultValue={row.values.email} autoComplete="off" required={required} />
              </div>
              <div className="col-md-6">
                <TextField field={bindField(kit, `${base}.phone`)} label="Telefono (facoltativo)" type="tel" defaultValue={row.values.phone} autoComplete="off" />
              </div>
            </div>
            <RemoveRowButton label={`il referente ${index + 1}`} onRemove={onRemove && rows.length > 1 ? () => onRemove(index) : undefined} />
          </fieldset>
        );
      })}
    </RepeatedRows>
  );
}
