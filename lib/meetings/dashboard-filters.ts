// The dashboard list's filters as they travel in the URL (GET form, shareable
// links). Anything unexpected is ignored, never an error.
import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import { routes } from "@/lib/routes";

export const STATUS_PARAMS: Record<string, MeetingStatus> = {
  bozza: "DRAFT",
  pubblicata: "PUBLISHED",
  annullata: "CANCELLED",
  archiviata: "ARCHIVED",
};

export type MeetingListParams = { stato?: string | string[]; cerca?: string | string[]; pagina?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function readMeetingListParams(params: MeetingListParams) {
  const stato = first(params.stato) ?? "";
  const status = Object.hasOwn(STATUS_PARAMS, stato) ? STATUS_PARAMS[stato] : null;
  const query = (first(params.cerca) ?? "").trim().slice(0, 100);
  const page = Number.parseInt(first(params.pagina) ?? "1", 10);
  return { stato: status ? stato : "", status, query, page: Number.isFinite(page) && page > 0 ? page : 1 };
}

/** The list's URL for other filters or another page; empty values are left out. */
export function meetingListHref(filters: { stato?: string; cerca?: string; pagina?: number }): string {
  const search = new URLSearchParams();
  if (filters.stato) search.set("stato", filters.stato);
  if (filters.cerca) search.set("cerca", filters.cerca);
  if (filters.pagina && filters.pagina > 1) search.set("pagina", String(filters.pagina));
  const query = search.toString();
  return query ? `${routes.dashboard.meetings()}?${query}` : routes.dashboard.meetings();
}
