import type { DbOrTx } from "@/lib/platform/database/prisma";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { normalizeAddress } from "./policy";

/**
 * Which of these addresses are on the suppression list, and why: keyed by
 * the address lower-cased and trimmed, as it is kept (look up with
 * normalizeAddress). Addresses not on the list are absent.
 */
export async function undeliverableAddresses(db: DbOrTx, addresses: readonly string[]): Promise<Map<string, EmailSuppressionReason>> {
  const wanted = [...new Set(addresses.map(normalizeAddress).filter((address) => address !== ""))];
  if (wanted.length === 0) return new Map();
  const rows = await db.emailSuppression.findMany({ where: { address: { in: wanted } }, select: { address: true, reason: true } });
  return new Map(rows.map((row) => [row.address, row.reason]));
}

/** Why this address is on the suppression list, or null. */
export async function suppressionOf(db: DbOrTx, address: string): Promise<EmailSuppressionReason | null> {
  const row = await db.emailSuppression.findUnique({ where: { address: normalizeAddress(address) }, select: { reason: true } });
  return row?.reason ?? null;
}
