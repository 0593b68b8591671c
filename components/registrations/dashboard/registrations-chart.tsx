import { formatIsoCalendarDate, formatShortDateWithArticle } from "@/lib/platform/format/dates";
import { formatDayMonth } from "@/lib/registrations/dashboard/format";
import type { DayCount } from "@/lib/registrations/dashboard/queries";
import { plural } from "@/lib/platform/format/plural";

const SLOT = 24;
const BAR = 16;
const PLOT_HEIGHT = 120;
const TOP = 18;
const BOTTOM = 26;
const LEFT = 34;

/** "dal 28 marzo 2026", "all'8 aprile 2026": a calendar day with its article. */
const onDay = (isoDay: string, preposition: "" | "a" | "da") => formatShortDateWithArticle(new Date(`${isoDay}T12:00:00Z`), preposition);

const count = (value: number) => plural(value, "iscrizione", "iscrizioni");

/**
 * Registrations received per day (Rome days), as bars drawn in SVG. The
 * picture is described in words for screen readers, and the numbers are in
 * a table just below, for anyone who prefers them.
 */
export function RegistrationsChart({ series }: { series: DayCount[] }) {
  return (
    <section aria-labelledby="andamento-titolo" className="mb-5">
      <h2 id="andamento-titolo" className="h4">
        Iscrizioni ricevute per giorno
      </h2>
      {series.length === 0 ? <p>Non è ancora arrivata nessuna iscrizione.</p> : <Chart series={series} />}
    </section>
  );
}

function Chart({ series }: { series: DayCount[] }) {
  const max = Math.max(1, ...series.map((day) => day.count));
  const total = series.reduce((sum, day) => sum + day.count, 0);
  const busiest = series.reduce((best, day) => (day.count > best.count ? day : best), series[0]);
  // Drawn at its own size (never scaled up): a short series leaves room on the right.
  const width = Math.max(LEFT + series.length * SLOT + 8, 240);
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const first = series[0].day;
  const last = series[series.length - 1].day;
  const description =
    (first === last ? `${count(total)} ${onDay(first, "")}.` : `${count(total)} ${onDay(first, "da")} ${onDay(last, "a")}`) +
    (first === last ? "" : `; il giorno con più iscrizioni è stato ${onDay(busiest.day, "")} (${busiest.count}).`);
  // Every label when there is room, otherwise about one a week.
  const labelEvery = series.length <= 14 ? 1 : 7;
  return (
    <figure className="mb-0">
      <svg
        role="img"
        aria-labelledby="andamento-grafico-titolo andamento-grafico-descrizione"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        style={{ maxWidth: "100%", height: "auto" }}
      >
        <title id="andamento-grafico-titolo">Iscrizioni ricevute per giorno</title>
        <desc id="andamento-grafico-descrizione">{description}</desc>
        <line x1={LEFT} y1={TOP + PLOT_HEIGHT} x2={width - 4} y2={TOP + PLOT_HEIGHT} stroke="#5c6f82" />
        <text x={LEFT - 6} y={TOP + 4} textAnchor="end" fontSize="11" fill="#1a1a1a">
          {max}
        </text>
        <text x={LEFT - 6} y={TOP + PLOT_HEIGHT} textAnchor="end" fontSize="11" fill="#1a1a1a">
          0
        </text>
        {series.map((day, index) => {
          const barHeight = (day.count / max) * PLOT_HEIGHT;
          const x = LEFT + index * SLOT + (SLOT - BAR) / 2;
          const y = TOP + PLOT_HEIGHT - barHeight;
          return (
            <g key={day.day}>
              <rect x={x} y={y} width={BAR} height={barHeight} fill="#0066cc">
                <title>{`${formatIsoCalendarDate(day.day)}: ${count(day.count)}`}</title>
              </rect>
              {day.count > 0 && series.length <= 31 ? (
                <text x={x + BAR / 2} y={y - 4} textAnchor="middle" fontSize="10" fill="#1a1a1a">
                  {day.count}
                </text>
              ) : null}
              {index % labelEvery === 0 || index === series.length - 1 ? (
                <text x={x + BAR / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" fontSize="10" fill="#1a1a1a">
                  {formatDayMonth(day.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="small">{description} Giorni secondo l&apos;ora italiana.</figcaption>
      <details className="mt-2">
        <summary>Mostra i dati del grafico in una tabella</summary>
        <table className="table table-sm w-auto mt-2">
          <caption>Iscrizioni ricevute per giorno (ora italiana)</caption>
          <thead>
            <tr>
              <th scope="col">Giorno</th>
              <th scope="col" className="text-end">
                Iscrizioni
              </th>
            </tr>
          </thead>
          <tbody>
            {series.map((day) => (
              <tr key={day.day}>
                <th scope="row" className="fw-normal">
                  <time dateTime={day.day}>{formatIsoCalendarDate(day.day)}</time>
                </th>
                <td className="text-end">{day.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
