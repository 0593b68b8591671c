// The people pages' inputs: the search in the address, the erase form.
import { z } from "zod";
import { checkbox } from "@/lib/platform/forms/fields";
import { formOf, type FormValues } from "@/lib/platform/forms/form-data";
import { param, pageParam, type SearchParams } from "@/lib/platform/forms/search-params";

export const personIdSchema = z.uuid();

export const PEOPLE_SEARCH_PARAM = "cerca";

export function parsePeopleFilters(params: SearchParams): { search?: string; page: number } {
  const search = param(params, PEOPLE_SEARCH_PARAM);
  return search && search.length <= 100 ? { search, page: pageParam(params) } : { page: pageParam(params) };
}

/** Erasing cannot be undone: the form asks for an explicit confirmation. */
export const erasePersonSchema = z.object({
  confirm: checkbox.refine((value) => value, "Spunta la casella per confermare la cancellazione dei dati"),
});
export const erasePersonForm = formOf(erasePersonSchema, { checkboxes: ["confirm"] });
export type ErasePersonRaw = FormValues<typeof erasePersonForm>;
