// "Convocazione inviata il 15 marzo 2022 a 142 Comuni (PEC) e 230 referenti",
// on the meeting's summary and on the dispatch page.
import type { DispatchSummary } from "@/lib/dispatch/queries";
import { formatShortDate } from "@/lib/platform/format/dates";
import { plural } from "@/lib/platform/format/plural";

export function dispatchSummaryText(summary: DispatchSummary): string {
  const parts = [
    summary.municipalitiesByPec > 0 ? `${plural(summary.municipalitiesByPec, "Comune", "Comuni")} (PEC)` : null,
    summary.referents > 0 ? plural(summary.referents, "referente", "referenti") : null,
    summary.others > 0 ? `${plural(summary.others, "altra persona", "altre persone")} (email)` : null,
  ].filter((part): part is string => part !== null);
  const to = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} e ${parts.at(-1)}` : (parts[0] ?? "nessun destinatario");
  const first = formatShortDate(summary.firstSentAt);
  const last = formatShortDate(summary.lastSentAt);
  const when = first === last ? `il ${first}` : `dal ${first} al ${last}`;
  return `Convocazione inviata ${when} a ${to}.`;
}

export function DispatchSummaryLine({ summary }: { summary: DispatchSummary }) {
  return <>{dispatchSummaryText(summary)}</>;
}
