import { FilterForm, FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { MANAGING_BODY_PARAMS, TAX_CODE_FILTER_OPTIONS, managingBodyFilterQuery, type ManagingBodyFilters } from "@/lib/managing-bodies/filters";
import { PROVINCES } from "@/lib/municipalities/provinces";

const PROVINCE_OPTIONS = Object.entries(PROVINCES).map(([code, name]) => ({ value: code, label: name }));

export function ManagingBodyFilterForm({ path, filters }: { path: string; filters: ManagingBodyFilters }) {
  const p = MANAGING_BODY_PARAMS;
  const query = managingBodyFilterQuery(filters);
  return (
    <FilterForm path={path} title="Cerca e filtra">
      <FilterText id="filtro-cerca" name={p.search} label="Nome o codice fiscale (anche in parte)" type="search" value={filters.search ?? ""} autoComplete="off" className="col-md-5" />
      <FilterSelect id="filtro-codice-fiscale" name={p.taxCode} label="Codice fiscale" value={query[p.taxCode] ?? ""} options={TAX_CODE_FILTER_OPTIONS} empty="Con o senza" className="col-md-3" />
      <FilterSelect id="filtro-provincia" name={p.province} label="Provincia dei progetti" value={filters.province ?? ""} options={PROVINCE_OPTIONS} empty="Tutte" className="col-md-4" />
    </FilterForm>
  );
}
