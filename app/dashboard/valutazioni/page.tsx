import type { Metadata } from "next";
import Link from "next/link";
import { FilterForm, FilterSelect } from "@/components/dashboard/filter-fields";
import { FeedbackMonthChart } from "@/components/feedback/feedback-month-chart";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { FEEDBACK_PAGE_PARAM, feedbackPageValue, parseFeedbackPageFilter } from "@/lib/feedback/filters";
import { FEEDBACK_QUESTION, REDACTED } from "@/lib/feedback/labels";
import { feedbackPageLabel } from "@/lib/feedback/pages";
import { getFeedbackReport, listRatedPages, meetingTitlesBySlug } from "@/lib/feedback/queries";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { plural, pluralForm } from "@/lib/platform/format/plural";
import { hrefWith, type SearchParams } from "@/lib/platform/forms/search-params";
import { routes } from "@/lib/routes";
import "@/components/feedback/feedback.css";

export const metadata: Metadata = { title: "Valutazioni delle pagine pubbliche" };

const PATH = routes.dashboard.feedback();

type Props = { searchParams: Promise<SearchParams> };

const average = (value: number | null) => (value === null ? "—" : `${value.toLocaleString("it-IT", { minimumFractionDigits: 1 })} su 5`);

/**
 * What the public says of its pages: the satisfaction widget's answers, per
 * month and per page. Coordinators and administrators only: the comments
 * are free text, stripped of addresses and numbers but still words of the
 * public, and observers' read-only access is for the meetings' figures.
 */
export default async function FeedbackReportPage({ searchParams }: Props) {
  await guardPage("write");
  const only = parseFeedbackPageFilter(await searchParams);
  const [report, pages] = await Promise.all([getFeedbackReport(db(), { only, now: new Date() }), listRatedPages(db())]);
  // Every rated page is in `pages`, so its slugs cover the report's too.
  const titles = await meetingTitlesBySlug(db(), pages.flatMap((page) => (page.slug ? [page.slug] : [])));
  const pageName = (label: string, slug: string | null) => (slug ? `${label}: ${titles.get(slug) ?? slug}` : label);
  const options = pages.map((page) => ({ value: feedbackPageValue(page), label: pageName(page.label, page.slug) }));
  const positive = report.distribution.filter((row) => row.rating >= 4).reduce((sum, row) => sum + row.count, 0);
  const share = (count: number) => (report.total === 0 ? 0 : Math.round((count / report.total) * 100));

  return (
    <>
      <h1>Valutazioni delle pagine pubbliche</h1>
      <p className="lead">
        Le risposte alla domanda «{FEEDBACK_QUESTION}», in fondo a ogni pagina pubblica del portale. Sono anonime: si conservano
        solo la pagina, il giorno, le stelle, il motivo e il dettaglio, da cui email e numeri di telefono sono sostituiti con «{REDACTED}».
      </p>

      <FilterForm path={PATH} title="Scegli la pagina">
        <FilterSelect
          id="filtro-pagina"
          name={FEEDBACK_PAGE_PARAM}
          label="Pagina"
          value={only ? feedbackPageValue(only) : ""}
          options={options}
          empty="Tutte le pagine"
          className="col-md-8"
        />
      </FilterForm>

      <section aria-labelledby="sintesi" className="mt-4">
        <h2 id="sintesi">{only ? `Sintesi: ${pageName(feedbackPageLabel(only.page), only.slug)}` : "Sintesi"}</h2>
        {report.total === 0 ? (
          <p>Nessuna risposta{only ? " per questa pagina" : ""}.</p>
        ) : (
          <dl className="row">
            <dt className="col-sm-4">Risposte</dt>
            <dd className="col-sm-8">{report.total}</dd>
            <dt className="col-sm-4">Valutazione media</dt>
            <dd className="col-sm-8">{average(report.average)}</dd>
            <dt className="col-sm-4">Con 4 o 5 stelle</dt>
            <dd className="col-sm-8">
              {positive} ({share(positive)}%)
            </dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="per-mese" className="mt-5">
        <h2 id="per-mese">Risposte per mese</h2>
        <FeedbackMonthChart months={report.months} tableId="tabella-per-mese" />
        <TableScroll label="Tabella delle risposte per mese">
          <table className="table" id="tabella-per-mese">
            <caption>Risposte per mese (ora di Roma), dal meno recente: quante, la media e quante con 4–5 o con 1–3 stelle.</caption>
            <thead>
              <tr>
                <th scope="col">Mese</th>
                <th scope="col" className="text-end">Risposte</th>
                <th scope="col" className="text-end">Media</th>
                <th scope="col" className="text-end">4–5 stelle</th>
                <th scope="col" className="text-end">1–3 stelle</th>
              </tr>
            </thead>
            <tbody>
              {report.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row" className="text-capitalize">
                    {month.label}
                  </th>
                  <td className="text-end">{month.count}</td>
                  <td className="text-end">{average(month.average)}</td>
                  <td className="text-end">{month.positive}</td>
                  <td className="text-end">{month.negative}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="distribuzione" className="mt-5">
        <h2 id="distribuzione">Distribuzione delle stelle</h2>
        <TableScroll label="Tabella della distribuzione delle stelle">
          <table className="table">
            <caption>Quante risposte per numero di stelle, e la loro quota sul totale.</caption>
            <thead>
              <tr>
                <th scope="col">Stelle</th>
                <th scope="col" className="text-end">Risposte</th>
                <th scope="col" className="text-end">Quota</th>
                <th scope="col">
                  <span className="visually-hidden">Barra della quota</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...report.distribution].reverse().map((row) => (
                <tr key={row.rating}>
                  <th scope="row">{plural(row.rating, "stella", "stelle")}</th>
                  <td className="text-end">{row.count}</td>
                  <td className="text-end">{share(row.count)}%</td>
                  <td className="w-50">
                    <span className="feedback-share" style={{ width: `${share(row.count)}%` }} aria-hidden="true" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="per-pagina" className="mt-5">
        <h2 id="per-pagina">Risposte per pagina</h2>
        {report.pages.length === 0 ? (
          <p>Nessuna pagina ha ancora ricevuto risposte.</p>
        ) : (
          <TableScroll label="Tabella delle risposte per pagina">
            <table className="table">
              <caption>Ogni pagina con le sue risposte, dalla più valutata; le convocazioni per indirizzo.</caption>
              <thead>
                <tr>
                  <th scope="col">Pagina</th>
                  <th scope="col" className="text-end">Risposte</th>
                  <th scope="col" className="text-end">Media</th>
                  <th scope="col">Ultima risposta</th>
                </tr>
              </thead>
              <tbody>
                {report.pages.map((page) => (
                  <tr key={feedbackPageValue(page)}>
                    <th scope="row">
                      <Link href={hrefWith(PATH, { [FEEDBACK_PAGE_PARAM]: feedbackPageValue(page) })}>{pageName(page.label, page.slug)}</Link>
                    </th>
                    <td className="text-end">{page.count}</td>
                    <td className="text-end">{average(page.average)}</td>
                    <td>{page.lastDay ? formatIsoCalendarDate(page.lastDay) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="motivi" className="mt-5">
        <h2 id="motivi">Motivi indicati</h2>
        {report.reasons.length === 0 ? (
          <p>Nessun motivo indicato.</p>
        ) : (
          <TableScroll label="Tabella dei motivi indicati">
            <table className="table">
              <caption>I motivi scelti, dal più frequente: tra gli aspetti preferiti (4–5 stelle) o tra le difficoltà (1–3 stelle).</caption>
              <thead>
                <tr>
                  <th scope="col">Motivo</th>
                  <th scope="col">Tipo</th>
                  <th scope="col" className="text-end">Risposte</th>
                </tr>
              </thead>
              <tbody>
                {report.reasons.map((reason) => (
                  <tr key={reason.code}>
                    <th scope="row">{reason.label}</th>
                    <td>{reason.positive ? "Aspetto preferito" : "Difficoltà"}</td>
                    <td className="text-end">{reason.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="dettagli" className="mt-5">
        <h2 id="dettagli">Ultimi dettagli scritti</h2>
        {report.comments.length === 0 ? (
          <p>Nessun dettaglio scritto.</p>
        ) : (
          <TableScroll label="Tabella degli ultimi dettagli scritti">
            <table className="table align-top">
              <caption>{pluralForm(report.comments.length, { one: "L'ultimo dettaglio scritto", other: `Gli ultimi ${report.comments.length} dettagli scritti` })}, dal più recente.</caption>
              <thead>
                <tr>
                  <th scope="col">Giorno</th>
                  <th scope="col">Pagina</th>
                  <th scope="col" className="text-end">Stelle</th>
                  <th scope="col">Dettaglio</th>
                </tr>
              </thead>
              <tbody>
                {report.comments.map((comment, index) => (
                  <tr key={index}>
                    <td>{formatIsoCalendarDate(comment.day)}</td>
                    <td>{pageName(comment.label, comment.slug)}</td>
                    <td className="text-end">{comment.rating}</td>
                    <td>{comment.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
