import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const listSelect = {
  id: true,
  template: true,
  toEmail: true,
  toName: true,
  status: true,
  attempts: true,
  transport: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  /** PEC messages are marked as such in the development outbox. */
  channel: true,
} satisfies Prisma.EmailMessageSelect;

export type EmailMessageSummary = Prisma.EmailMessageGetPayload<{ select: typeof listSelect }>;

/** Newest first: the development outbox and, later, the dashboard's email log. */
export async function listRecentEmailMessages(db: Db, limit = 100): Promise<EmailMessageSummary[]> {
  return db.emailMessage.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: listSelect });
}

const detailSelect = {
  ...listSelect,
  data: true,
  providerId: true,
  sendAfter: true,
  updatedAt: true,
} satisfies Prisma.EmailMessageSelect;

export type EmailMessageDetail = Prisma.EmailMessageGetPayload<{ select: typeof detailSelect }>;

export async function getEmailMessage(db: Db, id: string): Promise<EmailMessageDetail | null> {
  // Not a UUID: it cannot exist, and PostgreSQL would reject the comparison.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return db.emailMessage.findUnique({ where: { id }, select: detailSelect });
}
