import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { normalizeAddress } from "../suppression/policy";
import { undeliverableAddresses } from "../suppression/queries";
import type { EmailLogFilters } from "./filters";

export const EMAIL_LOG_PAGE_SIZE = 50;

// Never `data`: it holds personal links, sign-in links and join links.
const emailLogSelect = {
  id: true,
  template: true,
  toEmail: true,
  toName: true,
  status: true,
  attempts: true,
  lastError: true,
  transport: true,
  createdAt: true,
  sentAt: true,
  deliveryState: true,
  deliveryStateAt: true,
  meeting: { select: { id: true, title: true, slug: true } },
} satisfies Prisma.EmailMessageSelect;

export type EmailLogEntry = Prisma.EmailMessageGetPayload<{ select: typeof emailLogSelect }> & {
  /** Why the address is on the suppression list, or null. */
  undeliverable: EmailSuppressionReason | null;
};

export type EmailLogPage = { messages: EmailLogEntry[]; total: number; page: number; pageCount: number };

function emailLogWhere(filters: Omit<EmailLogFilters, "page">): Prisma.EmailMessageWhereInput {
  const where: Prisma.EmailMessageWhereInput = {};
  if (filters.status) where.status = filters.status;
  if (filters.template) where.template = filters.template;
  if (filters.recipient) {
    where.OR = [
      { toEmail: { contains: filters.recipient, mode: "insensitive" } },
      { toName: { contains: filters.recipient, mode: "insensitive" } },
    ];
  }
  return where;
}

/** One page of the email log, newest first. */
export async function listEmailLog(db: Db, { pageSize = EMAIL_LOG_PAGE_SIZE, ...filters }: { pageSize?: number } & EmailLogFilters): Promise<EmailLogPage> {
  const where = emailLogWhere(filters);
  const [total, rows] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      select: emailLogSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const undeliverable = await undeliverableAddresses(db, rows.map((row) => row.toEmail));
  const messages = rows.map((row) => ({ ...row, undeliverable: undeliverable.get(normalizeAddress(row.toEmail)) ?? null }));
  return { messages, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
