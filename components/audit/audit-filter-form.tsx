import Link from "next/link";
import { AUDIT_FILTER_PARAMS, NO_USER_ACTOR, type AuditFilters } from "@/lib/audit/filters";
import { AUDIT_ACTION_LABELS, AUDIT_ACTION_PREFIXES, AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES } from "@/lib/audit/labels";

type Props = {
  path: string;
  filters: AuditFilters;
  actors: { id: string; email: string; name: string | null }[];
};

/** A GET form: the filters live in the address, so they work without JavaScript and can be shared. */
export function AuditFilterForm({ path, filters, actors }: Props) {
  const p = AUDIT_FILTER_PARAMS;
  return (
    <form method="get" action={path} className="mb-4" aria-labelledby="filtri-titolo">
      <h2 id="filtri-titolo" className="h5">
        Filtra le attività
      </h2>
      <div className="row g-3 align-items-end">
        <div className="col-md-4">
          <label htmlFor="filtro-autore" className="form-label">
            Chi
          </label>
          <select id="filtro-autore" name={p.actor} defaultValue={filters.actor ?? ""} className="form-select">
            <option value="">Tutti</option>
            <option value={NO_USER_ACTOR}>Senza utente (pubblico, sistema, riga di comando)</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name ? `${actor.name} (${actor.email})` : actor.email}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4">
          <label htmlFor="filtro-azione" className="form-label">
            Azione
          </label>
          <input
            id="filtro-azione"
            name={p.action}
            defaultValue={filters.action ?? ""}
            list="filtro-azione-suggerimenti"
            className="form-control"
            aria-describedby="filtro-azione-aiuto"
          />
          <datalist id="filtro-azione-suggerimenti">
            {AUDIT_ACTION_PREFIXES.map((prefix) => (
              <option key={prefix.value} value={prefix.value} label={`${prefix.label} (tutte)`} />
            ))}
            {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
              <option key={action} value={action} label={label} />
            ))}
          </datalist>
          <small id="filtro-azione-aiuto" className="form-text">
            L&apos;inizio del codice: <code>user.</code> per tutte le modifiche agli utenti.
          </small>
        </div>
        <div className="col-md-4">
          <label htmlFor="filtro-tipo" className="form-label">
            Tipo di record
          </label>
          <select id="filtro-tipo" name={p.entityType} defaultValue={filters.entityType ?? ""} className="form-select">
            <option value="">Tutti</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {AUDIT_ENTITY_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4">
          <label htmlFor="filtro-record" className="form-label">
            Identificativo del record
          </label>
          <input id="filtro-record" name={p.entityId} defaultValue={filters.entityId ?? ""} className="form-control" autoComplete="off" />
        </div>
        <div className="col-md-4 col-lg-2">
          <label htmlFor="filtro-dal" className="form-label">
            Dal giorno
          </label>
          <input id="filtro-dal" type="date" name={p.from} defaultValue={filters.from ?? ""} className="form-control" />
        </div>
        <div className="col-md-4 col-lg-2">
          <label htmlFor="filtro-al" className="form-label">
            Al giorno (compreso)
          </label>
          <input id="filtro-al" type="date" name={p.to} defaultValue={filters.to ?? ""} className="form-control" />
        </div>
      </div>
      <div className="d-flex flex-wrap gap-3 align-items-center mt-3">
        <button type="submit" className="btn btn-primary">
          Filtra
        </button>
        <Link href={path}>Togli i filtri</Link>
      </div>
    </form>
  );
}
