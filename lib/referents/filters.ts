// The referents list's filters, read from the page's searchParams; bad values are dropped.
import type { Province, ReferentRole, ReferentStatus } from "@/lib/generated/prisma/enums";
import { param, pageParam, type SearchParams } from "@/lib/platform/forms/search-params";
import { PROVINCES } from "@/lib/municipalities/provinces";
import { isReferentRole, isReferentStatus } from "./labels";

export type ReferentFilters = {
  status?: ReferentStatus;
  province?: Province;
  role?: ReferentRole;
  /** Part of the name, the email or the Comune, any case. */
  search?: string;
  page: number;
};

export const REFERENT_PARAMS = { status: "stato", province: "provincia", role: "ruolo", search: "cerca" } as const;

function isProvince(value: string): value is Province {
  return Object.hasOwn(PROVINCES, value);
}

export function parseReferentFilters(params: SearchParams): ReferentFilters {
  const filters: ReferentFilters = { page: pageParam(params) };
  const status = param(params, REFERENT_PARAMS.status);
  if (isReferentStatus(status)) filters.status = status;
  const province = param(params, REFERENT_PARAMS.province);
  if (isProvince(province)) filters.province = province;
  const role = param(params, REFERENT_PARAMS.role);
  if (isReferentRole(role)) filters.role = role;
  const search = param(params, REFERENT_PARAMS.search);
  if (search && search.length <= 120) filters.search = search;
  return filters;
}

export function referentFilterQuery(filters: ReferentFilters): Record<string, string | undefined> {
  return {
    [REFERENT_PARAMS.status]: filters.status,
    [REFERENT_PARAMS.province]: filters.province,
    [REFERENT_PARAMS.role]: filters.role,
    [REFERENT_PARAMS.search]: filters.search,
  };
}
