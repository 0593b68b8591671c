import { FilterForm, FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { PROVINCES } from "@/lib/municipalities/provinces";
import { REFERENT_PARAMS, type ReferentFilters } from "@/lib/referents/filters";
import { REFERENT_ROLE_LABELS, REFERENT_ROLES, REFERENT_STATUS_LABELS, REFERENT_STATUSES } from "@/lib/referents/labels";

const STATUS_OPTIONS = REFERENT_STATUSES.map((status) => ({ value: status, label: REFERENT_STATUS_LABELS[status] }));
const ROLE_OPTIONS = REFERENT_ROLES.map((role) => ({ value: role, label: REFERENT_ROLE_LABELS[role] }));
const PROVINCE_OPTIONS = Object.entries(PROVINCES).map(([code, name]) => ({ value: code, label: name }));

export function ReferentFilterForm({ path, filters }: { path: string; filters: ReferentFilters }) {
  const p = REFERENT_PARAMS;
  return (
    <FilterForm path={path} title="Filtra i referenti">
      <FilterSelect id="filtro-stato" name={p.status} label="Stato" value={filters.status ?? ""} options={STATUS_OPTIONS} className="col-md-2" />
      <FilterSelect id="filtro-provincia" name={p.province} label="Provincia" value={filters.province ?? ""} options={PROVINCE_OPTIONS} empty="Tutte" className="col-md-3" />
      <FilterSelect id="filtro-ruolo" name={p.role} label="Ruolo" value={filters.role ?? ""} options={ROLE_OPTIONS} className="col-md-2" />
      <FilterText
        id="filtro-cerca"
        name={p.search}
        type="search"
        label="Nome, email o Comune (anche in parte)"
        value={filters.search ?? ""}
        autoComplete="off"
        className="col-md-5"
      />
    </FilterForm>
  );
}
