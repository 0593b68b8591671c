import { FilterForm, FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { EMAIL_LOG_PARAMS, EMAIL_STATUSES, type EmailLogFilters } from "@/lib/email/log/filters";
import { EMAIL_STATUS_LABELS, EMAIL_TEMPLATE_LABELS } from "@/lib/email/labels";

const STATUS_OPTIONS = EMAIL_STATUSES.map((status) => ({ value: status, label: EMAIL_STATUS_LABELS[status] }));
const TEMPLATE_OPTIONS = Object.entries(EMAIL_TEMPLATE_LABELS).map(([template, label]) => ({ value: template, label }));

export function EmailLogFilterForm({ path, filters }: { path: string; filters: EmailLogFilters }) {
  const p = EMAIL_LOG_PARAMS;
  return (
    <FilterForm path={path} title="Filtra i messaggi">
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
    </FilterForm>
  );
}
