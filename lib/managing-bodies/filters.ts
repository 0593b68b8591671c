// The managing-body list's filters, read from the page's searchParams; bad values are dropped.
import type { Province } from "@/lib/generated/prisma/enums";
import { param, pageParam, type SearchParams } from "@/lib/platform/forms/search-params";
import { PROVINCES } from "@/lib/municipalities/provinces";

export type ManagingBodyFilters = {
  /** Part of the name or of the tax code, any case. */
  search?: string;
  taxCode?: "with" | "without";
  /** Bodies with a SAI project in a municipality of this province. */
  province?: Province;
  page: number;
};

export const MANAGING_BODY_PARAMS = { search: "cerca", taxCode: "codice-fiscale", province: "provincia" } as const;

export const TAX_CODE_FILTER_OPTIONS = [
  { value: "con", label: "Con codice fiscale" },
  { value: "senza", label: "Senza codice fiscale" },
] as const;

function isProvince(value: string): value is Province {
  return Object.hasOwn(PROVINCES, value);
}

export function parseManagingBodyFilters(params: SearchParams): ManagingBodyFilters {
  const filters: ManagingBodyFilters = { page: pageParam(params) };
  const search = param(params, MANAGING_BODY_PARAMS.search);
  if (search && search.length <= 200) filters.search = search;
  const taxCode = param(params, MANAGING_BODY_PARAMS.taxCode);
  if (taxCode === "con") filters.taxCode = "with";
  if (taxCode === "senza") filters.taxCode = "without";
  const province = param(params, MANAGING_BODY_PARAMS.province);
  if (isProvince(province)) filters.province = province;
  return filters;
}

export function managingBodyFilterQuery(filters: ManagingBodyFilters): Record<string, string | undefined> {
  return {
    [MANAGING_BODY_PARAMS.search]: filters.search,
    [MANAGING_BODY_PARAMS.taxCode]: filters.taxCode === "with" ? "con" : filters.taxCode === "without" ? "senza" : undefined,
    [MANAGING_BODY_PARAMS.province]: filters.province,
  };
}
