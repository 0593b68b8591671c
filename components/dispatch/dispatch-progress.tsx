"use client";
// Delivery of the convocation's PEC messages and emails, refreshed while
// any is still waiting for the worker.
import { ProgressRefresh, useDeliveryProgress } from "@/components/ui/delivery-progress";
import type { DeliveryCounts } from "@/lib/email/delivery-counts";
import { plural } from "@/lib/platform/format/plural";

const POLL_MS = 2000;

type Props = { endpoint: string; pagePath: string; initial: DeliveryCounts };

function describe({ pending, sent, failed, total }: DeliveryCounts): string {
  const parts = [`${sent} di ${plural(total, "inviata", "inviate")}`];
  if (failed > 0) parts.push(plural(failed, "non inviata", "non inviate"));
  if (pending > 0) parts.push(`${pending} in attesa di invio`);
  return `Convocazione: ${parts.join(", ")}.`;
}

export function DispatchProgress({ endpoint, pagePath, initial }: Props) {
  const { progress, stale, waiting } = useDeliveryProgress(endpoint, initial, POLL_MS);
  const done = progress.sent + progress.failed;
  return (
    <div className="mb-4">
      <label htmlFor="convocazione-avanzamento" className="form-label">
        Invio della convocazione (PEC ed email)
      </label>
      <progress id="convocazione-avanzamento" className="w-100 d-block" max={Math.max(progress.total, 1)} value={done}>
        {done} di {progress.total}
      </progress>
      <p aria-live="polite" role="status" className="mt-2 mb-1">
        {describe(progress)}
        {!waiting ? " Invio completato." : ""}
      </p>
      <ProgressRefresh stale={stale} waiting={waiting} pagePath={pagePath} />
    </div>
  );
}
