// The email log's filters, read from the page's searchParams; bad values are dropped.
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { param, pageParam, type SearchParams } from "@/lib/platform/forms/search-params";
import { EMAIL_STATUS_LABELS } from "../labels";
import { isEmailTemplateName, type EmailTemplateName } from "../schema";

export type EmailLogFilters = {
  status?: EmailStatus;
  template?: EmailTemplateName;
  /** Part of the recipient's address or name, any case. */
  recipient?: string;
  page: number;
};

export const EMAIL_LOG_PARAMS = { status: "stato", template: "modello", recipient: "destinatario" } as const;

export const EMAIL_STATUSES = Object.keys(EMAIL_STATUS_LABELS) as EmailStatus[];

function isEmailStatus(value: string): value is EmailStatus {
  return Object.hasOwn(EMAIL_STATUS_LABELS, value);
}

export function parseEmailLogFilters(params: SearchParams): EmailLogFilters {
  const filters: EmailLogFilters = { page: pageParam(params) };
  const status = param(params, EMAIL_LOG_PARAMS.status);
  if (isEmailStatus(status)) filters.status = status;
  const template = param(params, EMAIL_LOG_PARAMS.template);
  if (isEmailTemplateName(template)) filters.template = template;
  const recipient = param(params, EMAIL_LOG_PARAMS.recipient);
  if (recipient && recipient.length <= 254) filters.recipient = recipient;
  return filters;
}

export function emailLogFilterQuery(filters: EmailLogFilters): Record<string, string | undefined> {
  return {
    [EMAIL_LOG_PARAMS.status]: filters.status,
    [EMAIL_LOG_PARAMS.template]: filters.template,
    [EMAIL_LOG_PARAMS.recipient]: filters.recipient,
  };
}
