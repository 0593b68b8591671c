"use client";
// Delivery of the coverage reminders, refreshed while any is still waiting
// for the email worker.
import { DeliveryProgressBar } from "@/components/ui/delivery-progress";
import type { ReminderProgress as Progress } from "@/lib/coverage/queries";
import { plural } from "@/lib/platform/format/plural";

const POLL_MS = 2000;

type Props = {
  /** The guarded route handler answering with the current counts. */
  endpoint: string;
  /** The page itself, for the link that refreshes it without JavaScript. */
  pagePath: string;
  initial: Progress;
};

function describe({ pending, sent, failed, total }: Progress): string {
  const parts = [`${sent} di ${plural(total, "inviato", "inviati")}`];
  if (failed > 0) parts.push(plural(failed, "non inviato", "non inviati"));
  if (pending > 0) parts.push(`${pending} in attesa di invio`);
  return `Promemoria: ${parts.join(", ")}.`;
}

export function ReminderProgress({ endpoint, pagePath, initial }: Props) {
  return (
    <DeliveryProgressBar
      id="promemoria-avanzamento"
      label="Invio dei promemoria (ultime 24 ore)"
      endpoint={endpoint}
      pagePath={pagePath}
      initial={initial}
      describe={describe}
      pollMs={POLL_MS}
    />
  );
}
