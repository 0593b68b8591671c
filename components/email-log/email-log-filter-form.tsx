import Link from "next/link";
import { EMAIL_LOG_PARAMS, EMAIL_STATUSES, type EmailLogFilters } from "@/lib/email/log/filters";
import { EMAIL_STATUS_LABELS, EMAIL_TEMPLATE_LABELS } from "@/lib/email/labels";

/** A GET form: the filters live in the address, so they work without JavaScript and can be shared. */
export function EmailLogFilterForm({ path, filters }: { path: string; filters: EmailLogFilters }) {
  const p = EMAIL_LOG_PARAMS;
  return (
    <form method="get" action={path} className="mb-4" aria-labelledby="filtri-titolo">
      <h2 id="filtri-titolo" className="h5">
        Filtra i messaggi
      </h2>
      <div className="row g-3 align-items-end">
        <div className="col-md-3">
          <label htmlFor="filtro-stato" className="form-label">
            Stato
          </label>
          <select id="filtro-stato" name={p.status} defaultValue={filters.status ?? ""} className="form-select">
            <option value="">Tutti</option>
            {EMAIL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {EMAIL_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4">
          <label htmlFor="filtro-modello" className="form-label">
            Tipo di messaggio
          </label>
          <select id="filtro-modello" name={p.template} defaultValue={filters.template ?? ""} className="form-select">
            <option value="">Tutti</option>
            {Object.entries(EMAIL_TEMPLATE_LABELS).map(([template, label]) => (
              <option key={template} value={template}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-5">
          <label htmlFor="filtro-destinatario" className="form-label">
            Destinatario (indirizzo o nome, anche in parte)
          </label>
          <input
            id="filtro-destinatario"
            name={p.recipient}
            defaultValue={filters.recipient ?? ""}
            className="form-control"
            autoComplete="off"
          />
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
