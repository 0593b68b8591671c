import Link from "next/link";
import { FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { EMAIL_LOG_PARAMS, EMAIL_STATUSES, type EmailLogFilters } from "@/lib/email/log/filters";
import { EMAIL_STATUS_LABELS, EMAIL_TEMPLATE_LABELS } from "@/lib/email/labels";

const STATUS_OPTIONS = EMAIL_STATUSES.map((status) => ({ value: status, label: EMAIL_STATUS_LABELS[status] }));
const TEMPLATE_OPTIONS = Object.entries(EMAIL_TEMPLATE_LABELS).map(([template, label]) => ({ value: template, label }));

/** A GET form: the filters live in the address, so they work without JavaScript and can be shared. */
export function EmailLogFilterForm({ path, filters }: { path: string; filters: EmailLogFilters }) {
  const p = EMAIL_LOG_PARAMS;
  return (
    <form method="get" action={path} className="mb-4" aria-labelledby="filtri-titolo">
      <h2 id="filtri-titolo" className="h5">
        Filtra i messaggi
      </h2>
      <div className="row g-3 align-items-end">
        <FilterSelect id="filtro-stato" name={p.status} label="Stato" value={filters.status ?? ""} options={STATUS_OPTIONS} className="col-md-3" />
        <FilterSelect id="filtro-modello" name={p.template} label="Tipo di messaggio" value={filters.template ?? ""} options={TEMPLATE_OPTIONS} className="col-md-4" />
        <FilterText
          id="filtro-destinatario"
          name={p.recipient}
          label="Destinatario (indirizzo o nome, anche in parte)"
          value={filters.recipient ?? ""}
          autoComplete="off"
          className="col-md-5"
        />
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
