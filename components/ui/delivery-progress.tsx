"use client";
// Polling a guarded progress endpoint while emails are still waiting for a
// worker, for the progress bars of coverage reminders and join-link sends.
// Without JavaScript the "Aggiorna" link reloads the page.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { DeliveryCounts } from "@/lib/email/delivery-counts";

function isCounts(value: unknown): value is DeliveryCounts {
  if (!value || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  return ["pending", "sent", "failed", "total"].every((key) => typeof record[key] === "number");
}

/** The latest counts, refreshed every `pollMs` while any email is pending; `stale` when the last refresh failed. */
export function useDeliveryProgress<Counts extends DeliveryCounts>(endpoint: string, initial: Counts, pollMs: number) {
  const [progress, setProgress] = useState(initial);
  const [stale, setStale] = useState(false);
  // Bumped after each answer, so the next poll is scheduled even when nothing changed.
  const [polls, setPolls] = useState(0);
  const waiting = progress.pending > 0;

  useEffect(() => {
    if (!waiting) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(endpoint, { cache: "no-store", headers: { accept: "application/json" } });
        const body: unknown = response.ok ? await response.json() : null;
        if (cancelled) return;
        if (isCounts(body)) {
          setProgress(body as Counts);
          setStale(false);
        } else {
          setStale(true);
        }
      } catch {
        if (!cancelled) setStale(true);
      }
      if (!cancelled) setPolls((count) => count + 1);
    }, pollMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // A new timer after each answer: polling stops by itself once nothing is pending.
  }, [endpoint, polls, waiting, pollMs]);

  return { progress, stale, waiting };
}

/** Under the bar: a failed refresh said in words, and the link that reloads the page while emails wait. */
export function ProgressRefresh({ stale, waiting, pagePath }: { stale: boolean; waiting: boolean; pagePath: string }) {
  return (
    <>
      {stale ? <p className="small text-danger mb-1">Non è stato possibile aggiornare l&apos;avanzamento: riprovo tra poco.</p> : null}
      {waiting ? (
        <Link href={pagePath} prefetch={false} className="small">
          Aggiorna
        </Link>
      ) : null}
    </>
  );
}

type DeliveryProgressBarProps<Counts extends DeliveryCounts> = {
  /** The bar's id, for its label. */
  id: string;
  label: string;
  /** The guarded route handler answering with the current counts. */
  endpoint: string;
  /** The page itself, for the link that refreshes it without JavaScript. */
  pagePath: string;
  initial: Counts;
  /** The counts in words, read out as they change. */
  describe: (counts: Counts) => string;
  pollMs?: number;
};

/** A send's progress bar, its counts in words and the refresh link: the coverage reminders', the convocation's. */
export function DeliveryProgressBar<Counts extends DeliveryCounts>({ id, label, endpoint, pagePath, initial, describe, pollMs = 2000 }: DeliveryProgressBarProps<Counts>) {
  const { progress, stale, waiting } = useDeliveryProgress(endpoint, initial, pollMs);
  const done = progress.sent + progress.failed;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <progress id={id} className="w-100 d-block" max={Math.max(progress.total, 1)} value={done}>
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
