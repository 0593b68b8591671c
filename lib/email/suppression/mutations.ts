import { isClient, type DbOrTx } from "@/lib/platform/database/prisma";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { cancelQueuedEmails, type EmailForDelivery } from "../mutations";
import { normalizeAddress, skipsSuppressedAddress, suppressionCancelReason } from "./policy";
import { suppressionOf } from "./queries";

/**
 * Puts the address on the suppression list. The first bounce or complaint
 * stays: a later one adds nothing. Gives whether the address was added now.
 */
export async function suppressAddress(
  db: DbOrTx,
  { address, reason, at, emailMessageId }: { address: string; reason: EmailSuppressionReason; at: Date; emailMessageId: string | null },
): Promise<boolean> {
  const normalized = normalizeAddress(address);
  if (normalized === "") return false;
  const { count } = await db.emailSuppression.createMany({
    data: [{ address: normalized, reason, suppressedAt: at, emailMessageId }],
    skipDuplicates: true,
  });
  return count > 0;
}

/** Takes the address off the suppression list: its person's data is erased (lib/people). */
export async function forgetSuppressedAddress(db: DbOrTx, address: string): Promise<void> {
  await db.emailSuppression.deleteMany({ where: { address: normalizeAddress(address) } });
}

/**
 * At delivery time, right after the worker claimed the message: a
 * non-essential email (lib/email/suppression/policy.ts) to an address on the
 * suppression list ends CANCELLED with the reason instead of going out, and
 * the reason is given. An essential one, or an address not on the list, gives
 * null and is sent.
 */
export async function cancelIfSuppressed(db: DbOrTx, message: Pick<EmailForDelivery, "id" | "template" | "toEmail" | "channel">): Promise<string | null> {
  if (!skipsSuppressedAddress(message)) return null;
  const reason = await suppressionOf(db, message.toEmail);
  if (!reason) return null;
  const text = suppressionCancelReason(reason);
  const cancel = (tx: Parameters<typeof cancelQueuedEmails>[0]) => cancelQueuedEmails(tx, { where: { id: message.id }, reason: text });
  // Nothing cancelled means it was withdrawn meanwhile: not sent either way.
  if (isClient(db)) await db.$transaction(cancel);
  else await cancel(db);
  return text;
}
