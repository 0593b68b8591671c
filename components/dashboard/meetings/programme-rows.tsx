import type { ReactNode } from "react";
import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { fieldId } from "@/lib/forms/action-state";
import { MAX_AGENDA_ITEMS, MAX_SPEAKERS, type AgendaItemRaw, type SpeakerRaw } from "@/lib/meetings/admin-schema";
import { InputField, TextAreaField } from "./editor-fields";

type Rows<Values> = readonly { key: string; values: Values }[];

type RowsSectionProps = {
  kit: FieldKit;
  name: "speakers" | "agendaItems";
  title: string;
  intro: string;
  rowLabel: string;
  addLabel: string;
  max: number;
  count: number;
  onAdd?: () => void;
  children: ReactNode;
};

/**
 * Repeated rows: without JavaScript the page offers a few blank ones and
 * ignores those left blank; with it, rows are added and removed here.
 */
function RowsSection({ kit, name, title, intro, rowLabel, addLabel, max, count, onAdd, children }: RowsSectionProps) {
  const sectionId = fieldId(kit.formId, name);
  const error = kit.errors[name];
  return (
    <section className="mb-5" aria-labelledby={`${sectionId}-titolo`}>
      <h2 id={`${sectionId}-titolo`} className="h4">
        <span id={sectionId} tabIndex={-1}>
          {title}
        </span>
      </h2>
      <p>{intro}</p>
      {onAdd ? null : <p className="small">Compila solo le righe che ti servono: le righe lasciate vuote non saranno considerate.</p>}
      {error ? (
        <div className="invalid-feedback d-block mb-3" id={`${sectionId}-errore`}>
          <span className="visually-hidden">Errore: </span>
          {error}
        </div>
      ) : null}
      {children}
      {onAdd ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onAdd} disabled={count >= max}>
          {addLabel}
        </button>
      ) : null}
      {onAdd && count >= max ? (
        <p className="small mt-2">
          Puoi indicare al massimo {max} {rowLabel === "Relatore" ? "relatori" : "temi"}.
        </p>
      ) : null}
    </section>
  );
}

function RemoveButton({ label, onRemove }: { label: string; onRemove?: () => void }) {
  return onRemove ? (
    <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onRemove}>
      Rimuovi<span className="visually-hidden"> {label}</span>
    </button>
  ) : null;
}

type SpeakerRowsProps = {
  kit: FieldKit;
  rows: Rows<SpeakerRaw>;
  onAdd?: () => void;
  onRemove?: (index: number) => void;
};

export function SpeakerRows({ kit, rows, onAdd, onRemove }: SpeakerRowsProps) {
  return (
    <RowsSection
      kit={kit}
      name="speakers"
      title="Relatori"
      intro="Chi interviene, con il suo ente e il titolo dell'intervento, nell'ordine in cui compaiono nella pagina."
      rowLabel="Relatore"
      addLabel="Aggiungi un relatore"
      max={MAX_SPEAKERS}
      count={rows.length}
      onAdd={onAdd}
    >
      {rows.map((row, index) => {
        const base = `speakers.${index}`;
        const legend = `Relatore ${index + 1}`;
        return (
          <fieldset key={row.key} className="border-top pt-3 mb-3">
            <legend className="px-0 h6">{legend}</legend>
            <div className="row">
              <div className="col-md-3">
                <InputField field={bindField(kit, `${base}.honorific`)} label="Titolo" hint="Ad esempio dott., prof.ssa" defaultValue={row.values.honorific} />
              </div>
              <div className="col-md-9">
                <InputField field={bindField(kit, `${base}.name`)} label="Nome e cognome" defaultValue={row.values.name} />
              </div>
              <div className="col-md-6">
                <InputField field={bindField(kit, `${base}.role`)} label="Ruolo" hint="Ad esempio Presidente" defaultValue={row.values.role} />
              </div>
              <div className="col-md-6">
                <InputField field={bindField(kit, `${base}.affiliation`)} label="Ente di appartenenza" defaultValue={row.values.affiliation} />
              </div>
              <div className="col-12">
                <InputField field={bindField(kit, `${base}.talkTitle`)} label="Titolo dell'intervento" defaultValue={row.values.talkTitle} />
              </div>
            </div>
            <RemoveButton label={`il relatore ${index + 1}`} onRemove={onRemove ? () => onRemove(index) : undefined} />
          </fieldset>
        );
      })}
    </RowsSection>
  );
}

type AgendaRowsProps = {
  kit: FieldKit;
  rows: Rows<AgendaItemRaw>;
  onAdd?: () => void;
  onRemove?: (index: number) => void;
};

export function AgendaRows({ kit, rows, onAdd, onRemove }: AgendaRowsProps) {
  return (
    <RowsSection
      kit={kit}
      name="agendaItems"
      title="Temi dell'incontro"
      intro="L'ordine del giorno, un tema per riga, nell'ordine in cui saranno trattati."
      rowLabel="Tema"
      addLabel="Aggiungi un tema"
      max={MAX_AGENDA_ITEMS}
      count={rows.length}
      onAdd={onAdd}
    >
      {rows.map((row, index) => {
        const base = `agendaItems.${index}`;
        return (
          <fieldset key={row.key} className="border-top pt-3 mb-3">
            <legend className="px-0 h6">Tema {index + 1}</legend>
            <InputField field={bindField(kit, `${base}.title`)} label="Tema" defaultValue={row.values.title} />
            <TextAreaField field={bindField(kit, `${base}.description`)} label="Descrizione (facoltativa)" rows={2} defaultValue={row.values.description} />
            <RemoveButton label={`il tema ${index + 1}`} onRemove={onRemove ? () => onRemove(index) : undefined} />
          </fieldset>
        );
      })}
    </RowsSection>
  );
}
