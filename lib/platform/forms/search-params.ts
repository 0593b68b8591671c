// Reading a page's searchParams (GET filter forms, pagination) without ever
// throwing: whatever is in the URL, a bad value is simply ignored.
import { isCleanLine } from "./fields";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; "" when absent or when it holds a control character. */
export function param(params: SearchParams, name: string): string {
  const value = params[name];
  const text = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  return isCleanLine(text) ? text.trim() : "";
}

/** A 1-based page number; 1 for anything that is not one. */
export function pageParam(params: SearchParams, max = 10_000): number {
  const value = param(params, "pagina");
  if (!/^\d{1,6}$/.test(value)) return 1;
  return Math.min(Math.max(1, Number(value)), max);
}

/** The page's address with these filters and page: "/dashboard/email?stato=FAILED&pagina=2". */
export function hrefWith(path: string, filters: Record<string, string | number | null | undefined>, page = 1): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== null && value !== undefined && value !== "" && name !== "pagina") query.set(name, String(value));
  }
  if (page > 1) query.set("pagina", String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
