"use client";
// Delivery of the latest join-link send, refreshed while any of its emails is
// still waiting. Without JavaScript the "Aggiorna" link reloads the page.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { JoinLinkProgress } from "@/lib/join-link/queries";

const POLL_MS = 1500;

type Props = {
  /** The guarded route handler answering with the current counts. */
  endpoint: string;
  /** The page itself, for the link that refreshes it without JavaScript. */
  pagePath: string;
  initial: JoinLinkProgress;
};

function isProgress(value: unknown): value is JoinLinkProgress {
  if (!value || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  return ["pending", "sent", "failed", "total"].every((key) => typeof record[key] === "number");
}

function percent({ sent, total }: JoinLinkProgress): number {
  return total === 0 ? 100 : Math.floor((sent / total) * 100);
}

function describe(progress: JoinLinkProgress): string {
  const { pending, sent, failed, total } = progress;
  const parts = [`${sent} di ${total} ${total === 1 ? "inviata" : "inviate"} (${percent(progress)}%)`];
  if (failed > 0) parts.push(`${failed} non ${failed === 1 ? "inviata" : "inviate"}`);
  if (pending > 0) parts.push(`${pending} in attesa di invio`);
  return `Email con il link: ${parts.join(", ")}.`;
}

export function SendProgress({ endpoint, pagePath, initial }: Props) {
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
  }, [endpoint, polls, waiting]);

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
      {stale ? <p className="small text-danger mb-1">Non è stato possibile aggiornare l&apos;avanzamento: riprovo tra poco.</p> : null}
      {waiting ? (
        <Link href={pagePath} prefetch={false} className="small">
          Aggiorna
        </Link>
      ) : null}
    </div>
  );
}
