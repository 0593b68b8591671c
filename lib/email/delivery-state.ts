// What the recipient's side reported about a message, and which report wins
// when they arrive out of order (webhooks are retried, PEC receipts come in
// any order): a final state (bounced, complained, failed) is never undone by
// a later "delivered"; "delivered" is not undone by "delayed" or "accepted";
// a delay or acceptance only moves a message that has no better news.
import type { DeliveryState } from "@/lib/generated/prisma/enums";

export const FINAL_DELIVERY_STATES = ["BOUNCED", "COMPLAINED", "FAILED"] as const satisfies readonly DeliveryState[];

const RANK: Record<DeliveryState, number> = {
  ACCEPTED: 1,
  DELAYED: 2,
  DELIVERED: 3,
  BOUNCED: 4,
  COMPLAINED: 4,
  FAILED: 4,
};

/** Whether `incoming` replaces `current` on the message. */
export function supersedes(incoming: DeliveryState, current: DeliveryState | null): boolean {
  if (current === null) return true;
  if (RANK[current] === 4) return false;
  return RANK[incoming] > RANK[current];
}

/** The states that `incoming` may replace, for the UPDATE's WHERE. */
export function replaceableBy(incoming: DeliveryState): DeliveryState[] {
  return (Object.keys(RANK) as DeliveryState[]).filter((current) => supersedes(incoming, current));
}

/** Not reached, for good: bounced, marked as spam, or refused (a PEC "mancata consegna"). */
export function isUndeliverable(state: DeliveryState | null): boolean {
  return state !== null && (FINAL_DELIVERY_STATES as readonly DeliveryState[]).includes(state);
}
