"use client";
// Delivery of the convocation's PEC messages and emails, refreshed while
// any is still waiting for the worker.
import { DeliveryProgressBar } from "@/components/ui/delivery-progress";
import type { DeliveryCounts } from "@/lib/email/delivery-counts";
import { plural } from "@/lib/platform/format/plural";

function describe({ pending, sent, failed, total }: DeliveryCounts): string {
  const parts = [`${sent} di ${plural(total, "inviata", "inviate")}`];
  if (failed > 0) parts.push(plural(failed, "non inviata", "non inviate"));
  if (pending > 0) parts.push(`${pending} in attesa di invio`);
  return `Convocazione: ${parts.join(", ")}.`;
}

export function DispatchProgress({ endpoint, pagePath, initial }: { endpoint: string; pagePath: string; initial: DeliveryCounts }) {
  return (
    <DeliveryProgressBar
      id="convocazione-avanzamento"
      label="Invio della convocazione (PEC ed email)"
      endpoint={endpoint}
      pagePath={pagePath}
      initial={initial}
      describe={describe}
    />
  );
}
