import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { RemoveRowButton, RepeatedRows } from "@/components/forms/repeated-rows";
import type { AgendaItemRaw, SpeakerRaw } from "@/lib/meetings/form";
import { MAX_AGENDA_ITEMS, MAX_SPEAKERS } from "@/lib/meetings/schema";
import { TextAreaField } from "@/components/forms/fields";
import { InputField } from "./editor-fields";

type Rows<Values> = readonly { key: string; values: Values }[];

/** The editor's sections are h2 styled as h4. */
const HEADING = { level: 2, className: "h4" } as const;

type SpeakerRowsProps = {
  kit: FieldKit;
  rows: Rows<SpeakerRaw>;
  onAdd?: () => void;
  onRemove?: (index: number) => void;
};

export function SpeakerRows({ kit, rows, onAdd, onRemove }: SpeakerRowsProps) {
  return (
    <RepeatedRows
      kit={kit}
      name="speakers"
      title="Relatori"
      heading={HEADING}
      intro="Chi interviene, con il suo ente e il titolo dell'intervento, nell'ordine in cui compaiono nella pagina."
      addLabel="Aggiungi un relatore"
      limitNote={`Puoi indicare al massimo ${MAX_SPEAKERS} relatori.`}
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
            <RemoveRowButton label={`il relatore ${index + 1}`} onRemove={onRemove ? () => onRemove(index) : undefined} />
          </fieldset>
        );
      })}
    </RepeatedRows>
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
    <RepeatedRows
      kit={kit}
      name="agendaItems"
      title="Temi dell'incontro"
      heading={HEADING}
      intro="L'ordine del giorno, un tema per riga, nell'ordine in cui saranno trattati."
      addLabel="Aggiungi un tema"
      limitNote={`Puoi indicare al massimo ${MAX_AGENDA_ITEMS} temi.`}
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
            <RemoveRowButton label={`il tema ${index + 1}`} onRemove={onRemove ? () => onRemove(index) : undefined} />
          </fieldset>
        );
      })}
    </RepeatedRows>
  );
}
