import { RomeTime } from "@/components/ui/rome-time";
import type { DeliveryState, EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { DELIVERY_STATE_BADGES, DELIVERY_STATE_LABELS, SUPPRESSION_REASON_LABELS, UNDELIVERABLE_LABEL } from "@/lib/email/labels";

/**
 * "email non recapitabile (indirizzo non raggiungibile)" beside an address on
 * the suppression list, on a line of its own or (inline) within a sentence;
 * nothing otherwise.
 */
export function UndeliverableBadge({ reason, inline = false }: { reason: EmailSuppressionReason | null | undefined; inline?: boolean }) {
  if (!reason) return null;
  const badge = (
    <>
      <span className="badge bg-danger">{UNDELIVERABLE_LABEL}</span> ({SUPPRESSION_REASON_LABELS[reason]})
    </>
  );
  if (inline) return <> {badge}</>;
  return <div className="small mt-1">{badge}</div>;
}

/** What the recipient's side reported about a message, with its time; nothing before any report. */
export function DeliveryStateBadge({ state, at }: { state: DeliveryState | null; at: Date | null }) {
  if (!state) return null;
  return (
    <div className="small mt-1">
      <span className={`badge ${DELIVERY_STATE_BADGES[state]}`}>{DELIVERY_STATE_LABELS[state]}</span>
      {at ? (
        <>
          {" "}
          <RomeTime date={at} />
        </>
      ) : null}
    </div>
  );
}
