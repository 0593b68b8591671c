import {
  ATTENDANCE_PARAMS,
  ORGANISATION_TYPE_PARAMS,
  PAGE_SIZES,
  PROVINCES,
  SORT_PARAMS,
  STATUS_PARAMS,
  registrationListQuery,
  type RegistrationListParams,
} from "@/lib/registrations/dashboard/schema";
import { ORGANISATION_TYPE_LABELS } from "@/lib/registrations/labels";
import { ATTENDANCE_LABELS } from "@/lib/registrations/dashboard/labels";

export const SORT_LABELS: Record<RegistrationListParams["sort"], string> = {
  arrival: "ordine di arrivo",
  name: "cognome e nome",
  email: "email",
  organisation: "ente",
  registeredAt: "data di iscrizione",
  status: "stato",
};

type Option = { value: string; label: string };

const STATUS_FILTER_LABELS = { CONFIRMED: "Confermate", WAITLISTED: "In lista d'attesa", CANCELLED: "Annullate" } as const;

function Select({ id, name, label, options, value, empty }: { id: string; name: string; label: string; options: Option[]; value: string; empty?: string }) {
  return (
    <div className="select-wrapper mb-3">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const FILTER_KEYS = ["q", "stato", "tipo", "provincia", "presenza"];

/** The URL value currently set for a filter, "" when none. */
const current = (query: URLSearchParams, key: string) => query.get(key) ?? "";

/**
 * Search, filters, sort and page size as a GET form: the result is a URL,
 * so it works without JavaScript and can be bookmarked or shared. It folds
 * into a <details>, which needs no JavaScript either.
 */
export function RegistrationFilters({ path, params }: { path: string; params: RegistrationListParams }) {
  const query = registrationListQuery(params);
  const statusOptions = Object.entries(STATUS_PARAMS).map(([value, status]) => ({ value, label: STATUS_FILTER_LABELS[status] }));
  const typeOptions = Object.entries(ORGANISATION_TYPE_PARAMS).map(([value, type]) => ({ value, label: ORGANISATION_TYPE_LABELS[type] }));
  const provinceOptions = Object.entries(PROVINCES).map(([value, name]) => ({ value, label: `${name} (${value})` }));
  const attendanceOptions = Object.entries(ATTENDANCE_PARAMS).map(([value, attendance]) => ({
    value,
    label: attendance === "NONE" ? "Non ancora registrata" : ATTENDANCE_LABELS[attendance],
  }));
  const sortOptions = Object.entries(SORT_PARAMS).map(([value, sort]) => ({ value, label: SORT_LABELS[sort] }));
  // Folded away unless a search or filter is in force, so the table comes first.
  const filtering = FILTER_KEYS.some((key) => query.has(key));
  return (
    <details className="registration-filters border rounded px-3 py-2 mb-4" open={filtering}>
      <summary>
        <h2 id="filtri-titolo" className="h5 d-inline">
          Cerca e filtra
        </h2>
        {filtering ? <span className="ms-2 small">(filtri attivi)</span> : null}
      </summary>
      <form className="mt-4" method="get" action={path} role="search" aria-labelledby="filtri-titolo">
        <div className="row">
          <div className="col-lg-6">
            <div className="form-group">
              <label htmlFor="filtro-q" className="active">
                Cerca per nome, email o ente
              </label>
              <input id="filtro-q" name="q" type="search" className="form-control" defaultValue={params.q} maxLength={100} />
            </div>
          </div>
          <div className="col-sm-6 col-lg-3">
            <Select id="filtro-stato" name="stato" label="Stato" options={statusOptions} value={current(query, "stato")} empty="Tutti gli stati" />
          </div>
          <div className="col-sm-6 col-lg-3">
            <Select id="filtro-tipo" name="tipo" label="Tipo di ente" options={typeOptions} value={current(query, "tipo")} empty="Tutti i tipi" />
          </div>
          <div className="col-sm-6 col-lg-3">
            <Select id="filtro-provincia" name="provincia" label="Provincia del Comune" options={provinceOptions} value={current(query, "provincia")} empty="Tutte le province" />
          </div>
          <div className="col-sm-6 col-lg-3">
            <Select id="filtro-presenza" name="presenza" label="Presenza" options={attendanceOptions} value={current(query, "presenza")} empty="Qualsiasi" />
          </div>
          <div className="col-sm-6 col-lg-2">
            <Select id="filtro-ordina" name="ordina" label="Ordina per" options={sortOptions} value={current(query, "ordina") || "arrivo"} />
          </div>
          <div className="col-sm-6 col-lg-2">
            <Select
              id="filtro-verso"
              name="verso"
              label="Verso"
              options={[
                { value: "asc", label: "Crescente" },
                { value: "desc", label: "Decrescente" },
              ]}
              value={params.dir}
            />
          </div>
          <div className="col-sm-6 col-lg-2">
            <Select
              id="filtro-righe"
              name="righe"
              label="Righe per pagina"
              options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
              value={String(params.pageSize)}
            />
          </div>
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary">
            Applica
          </button>
          <a href={path} className="btn btn-outline-primary">
            Azzera filtri
          </a>
        </div>
      </form>
    </details>
  );
}
