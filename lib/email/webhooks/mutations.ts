import { isClient, type DbOrTx, type Tx } from "@/lib/platform/database/prisma";
import { recordDeliveryState } from "../mutations";
import { suppressAddress } from "../suppression/mutations";
import type { ResendEvent } from "./resend-event";

export type RecordedEvent =
  /** Seen before (a retried delivery of the same event): nothing changed. */
  | { outcome: "duplicate" }
  /** Stored, but no message of ours matched it. */
  | { outcome: "unmatched" }
  | { outcome: "recorded"; messageId: string; stateChanged: boolean; suppressed: boolean };

/** Ours by the "message" tag (our id); else by Resend's email id, which markEmailSent stored. */
async function matchMessage(tx: Tx, event: Extract<ResendEvent, { kind: "recorded" }>) {
  const select = { id: true, toEmail: true, channel: true } as const;
  if (event.messageTag) {
    const byTag = await tx.emailMessage.findUnique({ where: { id: event.messageTag }, select });
    if (byTag) return byTag;
  }
  if (event.providerEmailId) {
    return tx.emailMessage.findFirst({ where: { providerId: event.providerEmailId, transport: "resend" }, select, orderBy: { createdAt: "desc" } });
  }
  return null;
}

/**
 * Records one verified Resend event, once per event id (the svix-id header):
 * the event row, the message's delivery state by the rule of
 * lib/email/delivery-state.ts (a "delivered" after a bounce leaves it
 * bounced), and for a hard bounce or a complaint the address on the
 * suppression list. One transaction: a crash leaves the event unrecorded,
 * and Resend's retry records it.
 */
export async function recordResendEvent(
  db: DbOrTx,
  { eventId, event, now }: { eventId: string; event: Extract<ResendEvent, { kind: "recorded" }>; now: Date },
): Promise<RecordedEvent> {
  if (isClient(db)) return db.$transaction((tx) => recordResendEvent(tx, { eventId, event, now }));
  const at = event.occurredAt ?? now;
  const message = await matchMessage(db, event);
  // ON CONFLICT DO NOTHING: the same event twice, even at once, is stored once, and the second one waits and stops here.
  const { count } = await db.emailEvent.createMany({
    data: [
      {
        providerEventId: eventId,
        type: event.type,
        providerEmailId: event.providerEmailId,
        emailMessageId: message?.id ?? null,
        occurredAt: at,
        detail: event.detail,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return { outcome: "duplicate" };
  if (!message) return { outcome: "unmatched" };

  const stateChanged = await recordDeliveryState(db, { messageId: message.id, state: event.state, at });
  const reason = event.type === "email.complained" ? "COMPLAINED" : event.permanent ? "BOUNCED" : null;
  const suppressed =
    reason !== null && message.channel === "EMAIL"
      ? await suppressAddress(db, { address: message.toEmail, reason, at, emailMessageId: message.id })
      : false;
  return { outcome: "recorded", messageId: message.id, stateChanged, suppressed };
}
