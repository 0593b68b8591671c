// The audit log's filters, read from the page's searchParams. Anything that
// is not a valid value is dropped, so a hand-edited URL never breaks the page.
import { param, pageParam, type SearchParams } from "@/lib/platform/forms/search-params";
import { parseIsoDay } from "@/lib/platform/format/rome-days";
import { isAuditEntityType, type AuditEntityType } from "./labels";

/** The actor filter's value for entries with no user (the public, the worker, the command line). */
export const NO_USER_ACTOR = "sistema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuditFilters = {
  /** A user's id, or NO_USER_ACTOR. */
  actor?: string;
  /** The start of the action's code: "user." or "meeting.publish". */
  action?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  /** Rome calendar days, inclusive, as YYYY-MM-DD. */
  from?: string;
  to?: string;
  page: number;
};

/** The URL's parameter for each filter (Italian, as the page's addresses are). */
export const AUDIT_FILTER_PARAMS = {
  actor: "autore",
  action: "azione",
  entityType: "tipo",
  entityId: "record",
  from: "dal",
  to: "al",
} as const;

export function parseAuditFilters(params: SearchParams): AuditFilters {
  const read = (name: keyof typeof AUDIT_FILTER_PARAMS) => param(params, AUDIT_FILTER_PARAMS[name]);
  const filters: AuditFilters = { page: pageParam(params) };
  const actor = read("actor");
  if (actor === NO_USER_ACTOR || UUID.test(actor)) filters.actor = actor.toLowerCase();
  const action = read("action");
  if (/^[a-z][a-z0-9.-]{0,59}$/i.test(action)) filters.action = action;
  const entityType = read("entityType");
  if (isAuditEntityType(entityType)) filters.entityType = entityType;
  const entityId = read("entityId");
  if (entityId && entityId.length <= 100) filters.entityId = entityId;
  const from = parseIsoDay(read("from"));
  if (from) filters.from = from;
  const to = parseIsoDay(read("to"));
  if (to) filters.to = to;
  return filters;
}

/** The filters as URL parameters, for links to other pages of the same results. */
export function auditFilterQuery(filters: AuditFilters): Record<string, string | undefined> {
  return {
    [AUDIT_FILTER_PARAMS.actor]: filters.actor,
    [AUDIT_FILTER_PARAMS.action]: filters.action,
    [AUDIT_FILTER_PARAMS.entityType]: filters.entityType,
    [AUDIT_FILTER_PARAMS.entityId]: filters.entityId,
    [AUDIT_FILTER_PARAMS.from]: filters.from,
    [AUDIT_FILTER_PARAMS.to]: filters.to,
  };
}
