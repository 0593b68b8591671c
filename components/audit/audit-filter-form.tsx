import { FilterForm, FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { AUDIT_FILTER_PARAMS, NO_USER_ACTOR, type AuditFilters } from "@/lib/audit/filters";
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_PREFIXES, AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES } from "@/lib/audit/labels";

const ENTITY_OPTIONS = AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: AUDIT_ENTITY_LABELS[type] }));

type Props = {
  path: string;
  filters: AuditFilters;
  actors: { id: string; email: string; name: string | null }[];
};

export function AuditFilterForm({ path, filters, actors }: Props) {
  const p = AUDIT_FILTER_PARAMS;
  const actorOptions = [
    { value: NO_USER_ACTOR, label: "Senza utente (pubblico, sistema, riga di comando)" },
    ...actors.map((actor) => ({ value: actor.id, label: actor.name ? `${actor.name} (${actor.email})` : actor.email })),
  ];
  return (
    <FilterForm path={path} title="Filtra le attività">
      <FilterSelect id="filtro-autore" name={p.actor} label="Chi" value={filters.actor ?? ""} options={actorOptions} className="col-md-4" />
      <FilterText
        id="filtro-azione"
        name={p.action}
        label="Azione"
        value={filters.action ?? ""}
        list="filtro-azione-suggerimenti"
        hint={
          <>
            L&apos;inizio del codice: <code>user.</code> per tutte le modifiche agli utenti.
          </>
        }
        className="col-md-4"
      >
        <datalist id="filtro-azione-suggerimenti">
          {AUDIT_ACTION_PREFIXES.map((prefix) => (
            <option key={prefix.value} value={prefix.value} label={`${prefix.label} (tutte)`} />
          ))}
          {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
            <option key={action} value={action} label={label} />
          ))}
        </datalist>
      </FilterText>
      <FilterSelect id="filtro-tipo" name={p.entityType} label="Tipo di record" value={filters.entityType ?? ""} options={ENTITY_OPTIONS} className="col-md-4" />
      <FilterText id="filtro-record" name={p.entityId} label="Identificativo del record" value={filters.entityId ?? ""} autoComplete="off" className="col-md-4" />
      <FilterText id="filtro-dal" type="date" name={p.from} label="Dal giorno" value={filters.from ?? ""} className="col-md-4 col-lg-2" />
      <FilterText id="filtro-al" type="date" name={p.to} label="Al giorno (compreso)" value={filters.to ?? ""} className="col-md-4 col-lg-2" />
    </FilterForm>
  );
}
