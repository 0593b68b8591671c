// The municipality list's filters, read from the page's searchParams. A value
// that is not one of the filter's own is dropped, so a hand-edited URL never
// breaks the page.
import { param, pageParam, type SearchParams } from "@/lib/platform/forms/search-params";
import type { Province } from "@/lib/generated/prisma/enums";
import { PROVINCES } from "../provinces";

export type MunicipalityFilters = {
  province?: Province;
  /** Member of the SAI network, or not. */
  sai?: "si" | "no";
  /** With at least one active referent, or none. */
  referents?: "con" | "senza";
  /** Part of the name, or the start of the ISTAT code. */
  search?: string;
  page: number;
};

/** The URL's parameter for each filter (Italian, as the page's addresses are). */
export const MUNICIPALITY_FILTER_PARAMS = {
  province: "provincia",
  sai: "sai",
  referents: "referenti",
  search: "cerca",
} as const;

function isProvince(value: string): value is Province {
  return Object.hasOwn(PROVINCES, value);
}

export function parseMunicipalityFilters(params: SearchParams): MunicipalityFilters {
  const read = (name: keyof typeof MUNICIPALITY_FILTER_PARAMS) => param(params, MUNICIPALITY_FILTER_PARAMS[name]);
  const filters: MunicipalityFilters = { page: pageParam(params) };
  const province = read("province").toUpperCase();
  if (isProvince(province)) filters.province = province;
  const sai = read("sai");
  if (sai === "si" || sai === "no") filters.sai = sai;
  const referents = read("referents");
  if (referents === "con" || referents === "senza") filters.referents = referents;
  const search = read("search");
  if (search && search.length <= 100) filters.search = search;
  return filters;
}

/** The filters as URL parameters, for links to other pages of the same results. */
export function municipalityFilterQuery(filters: MunicipalityFilters): Record<string, string | undefined> {
  return {
    [MUNICIPALITY_FILTER_PARAMS.province]: filters.province,
    [MUNICIPALITY_FILTER_PARAMS.sai]: filters.sai,
    [MUNICIPALITY_FILTER_PARAMS.referents]: filters.referents,
    [MUNICIPALITY_FILTER_PARAMS.search]: filters.search,
  };
}
