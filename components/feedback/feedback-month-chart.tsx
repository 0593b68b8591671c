import type { FeedbackMonth } from "@/lib/feedback/queries";

/**
 * Answers per month as CSS bars, one column a month: an image for assistive
 * technology (its label says what it shows), whose figures are in the table
 * that follows it on the page.
 */
export function FeedbackMonthChart({ months, tableId }: { months: FeedbackMonth[]; tableId: string }) {
  const max = Math.max(1, ...months.map((month) => month.count));
  const total = months.reduce((sum, month) => sum + month.count, 0);
  const busiest = months.reduce((best, month) => (month.count > best.count ? month : best), months[0]);
  const summary =
    total === 0
      ? `Grafico a barre delle risposte per mese, da ${months[0].label} a ${months.at(-1)!.label}: nessuna risposta.`
      : `Grafico a barre delle risposte per mese, da ${months[0].label} a ${months.at(-1)!.label}: ${total} in tutto, il massimo a ${busiest.label} con ${busiest.count}. I dati sono nella tabella che segue.`;
  return (
    <figure className="feedback-chart-figure" aria-describedby={tableId}>
      <div className="feedback-chart" role="img" aria-label={summary}>
        {months.map((month) => (
          <div className="feedback-chart-column" key={month.month}>
            <span className="feedback-chart-value">{month.count}</span>
            <span className="feedback-chart-bar" style={{ height: `${(month.count / max) * 80}%` }} />
            <span className="feedback-chart-label">
              {month.label.slice(0, 3)}
              <br />
              {month.month.slice(2, 4)}
            </span>
          </div>
        ))}
      </div>
      <figcaption className="small mt-2">
        Risposte ricevute per mese (ora di Roma), ultimi {months.length} mesi: ogni colonna è un mese, l&apos;altezza il numero di risposte.
      </figcaption>
    </figure>
  );
}
