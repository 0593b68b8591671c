// Where a send's emails stand, as its progress bar shows them (the join
// link's sends, the coverage reminders): one reading of the email statuses.
import type { EmailStatus } from "@/lib/generated/prisma/enums";

export type DeliveryCounts = { pending: number; sent: number; failed: number; total: number };

export function emptyDeliveryCounts(): DeliveryCounts {
  return { pending: 0, sent: 0, failed: 0, total: 0 };
}

/**
 * Adds `n` emails in this status. Waiting or being sent is pending. A
 * withdrawn one (the registration or meeting cancelled, the data erased) is
 * no longer part of the send: neither waited for nor an error.
 */
export function countDelivery(counts: DeliveryCounts, status: EmailStatus, n: number): void {
  if (status === "CANCELLED") return;
  if (status === "SENT") counts.sent += n;
  else if (status === "FAILED") counts.failed += n;
  else counts.pending += n;
  counts.total += n;
}
