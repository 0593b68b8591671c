"use client";
// Delivery of the latest join-link send, refreshed while any of its emails is
// still waiting.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ProgressRefresh, useDeliveryProgress } from "@/components/ui/delivery-progress";
import type { JoinLinkProgress } from "@/lib/join-link/queries";
import { plural } from "@/lib/platform/format/plural";

const POLL_MS = 1500;

type Props = {
  /** The guarded route handler answering with the current counts. */
  endpoint: string;
  /** The page itself, for the link that refreshes it without JavaScript. */
  pagePath: string;
  initial: JoinLinkProgress;
};

function percent({ sent, total }: JoinLinkProgress): number {
  return total === 0 ? 100 : Math.floor((sent / total) * 100);
}

function describe(progress: JoinLinkProgress): string {
  const { pending, sent, failed, total } = progress;
  const parts = [`${sent} di ${plural(total, "inviata", "inviate")} (${percent(progress)}%)`];
  if (failed > 0) parts.push(plural(failed, "non inviata", "non inviate"));
  if (pending > 0) parts.push(`${pending} in attesa di invio`);
  return `Email con il link: ${parts.join(", ")}.`;
}

export function SendProgress({ endpoint, pagePath, initial }: Props) {
  const { progress, stale, waiting } = useDeliveryProgress(endpoint, initial, POLL_MS);
  const router = useRouter();
  const wasWaiting = useRef(waiting);
  // The sends table below is server-rendered: once the last email leaves, it is read again.
  useEffect(() => {
    if (wasWaiting.current && !waiting) router.refresh();
    wasWaiting.current = waiting;
  }, [waiting, router]);

  return (
    <div className="mb-4">
      <label htmlFor="link-avanzamento" className="form-label">
        Avanzamento dell&apos;ultimo invio
      </label>
      <progress id="link-avanzamento" className="w-100 d-block" max={Math.max(progress.total, 1)} value={progress.sent}>
        {percent(progress)}%
      </progress>
      <p aria-live="polite" role="status" className="mt-2 mb-1">
        {describe(progress)}
        {!waiting ? (progress.failed > 0 ? " Invio concluso con errori: vedi il registro delle email." : " Invio completato.") : ""}
      </p>
      <ProgressRefresh stale={stale} waiting={waiting} pagePath={pagePath} />
    </div>
  );
}
