import { FilterForm, FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { MUNICIPALITY_FILTER_PARAMS, type MunicipalityFilters } from "@/lib/municipalities/dashboard/filters";
import { PROVINCES } from "@/lib/municipalities/provinces";

const PROVINCE_OPTIONS = Object.entries(PROVINCES)
  .map(([value, label]) => ({ value, label: `${label} (${value})` }))
  .sort((a, b) => a.label.localeCompare(b.label, "it"));
const SAI_OPTIONS = [
  { value: "si", label: "Aderenti al SAI" },
  { value: "no", label: "Non aderenti" },
];
const REFERENT_OPTIONS = [
  { value: "con", label: "Con referenti attivi" },
  { value: "senza", label: "Senza referenti attivi" },
];

export function MunicipalityFilterForm({ path, filters }: { path: string; filters: MunicipalityFilters }) {
  const p = MUNICIPALITY_FILTER_PARAMS;
  return (
    <FilterForm path={path} title="Filtra i Comuni">
      <FilterText
        id="filtro-cerca"
        type="search"
        name={p.search}
        label="Nome o codice ISTAT"
        value={filters.search ?? ""}
        autoComplete="off"
        hint="Anche in parte: «santa» o «0820»."
        className="col-md-6 col-lg-3"
      />
      <FilterSelect id="filtro-provincia" name={p.province} label="Provincia" value={filters.province ?? ""} options={PROVINCE_OPTIONS} empty="Tutte" className="col-md-6 col-lg-3" />
      <FilterSelect id="filtro-sai" name={p.sai} label="Adesione al SAI" value={filters.sai ?? ""} options={SAI_OPTIONS} className="col-md-6 col-lg-3" />
      <FilterSelect id="filtro-referenti" name={p.referents} label="Referenti" value={filters.referents ?? ""} options={REFERENT_OPTIONS} className="col-md-6 col-lg-3" />
    </FilterForm>
  );
}
