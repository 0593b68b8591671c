"use client";
// Delivery of the coverage reminders, refreshed while any is still waiting
// for the email worker. Without JavaScript the "Aggiorna" link reloads the page.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { ReminderProgress as Progress } from "@/lib/coverage/queries";

const POLL_MS = 2000;

type Props = {
  /** The guarded route handler answering with the current counts. */
  endpoint: string;
  /** The page itself, for the link that refreshes it without JavaScript. */
  pagePath: string;
  initial: Progress;
};

function isProgress(value: unknown): value is Progress {
  if (!value || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  return ["pending", "sent", "failed", "total"].every((key) => typeof record[key] === "number");
}

function describe({ pending, sent, failed, total }: Progress): string {
  const parts = [`${sent} di ${total} ${total === 1 ? "inviato" : "inviati"}`];
  if (failed > 0) parts.push(`${failed} non ${failed === 1 ? "inviato" : "inviati"}`);
  if (pending > 0) parts.push(`${pending} in attesa di invio`);
  return `Promemoria: ${parts.join(", ")}.`;
}

export function ReminderProgress({ endpoint, pagePath, initial }: Props) {
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
        if (isProgress(body)) {
          setProgress(body);
          setStale(false);
        } else {
          setStale(true);
        }
      } catch {
        if (!cancelled) setStale(true);
      }
      if (!cancelled) setPolls((count) => count + 1);
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // A new timer after each answer: polling stops by itself once nothing is pending.
  }, [endpoint, polls, waiting]);

  const done = progress.sent + progress.failed;
  return (
    <div className="mb-4">
      <label htmlFor="promemoria-avanzamento" className="form-label">
        Invio dei promemoria (ultime 24 ore)
      </label>
      <progress id="promemoria-avanzamento" className="w-100 d-block" max={Math.max(progress.total, 1)} value={done}>
        {done} di {progress.total}
      </progress>
      <p aria-live="polite" role="status" className="mt-2 mb-1">
        {describe(progress)}
        {!waiting ? " Invio completato." : ""}
      </p>
      {stale ? <p className="small text-danger mb-1">Non è stato possibile aggiornare l&apos;avanzamento: riprovo tra poco.</p> : null}
      {waiting ? (
        <Link href={pagePath} prefetch={false} className="small">
          Aggiorna
        </Link>
      ) : null}
    </div>
  );
}
