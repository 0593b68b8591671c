import type { Metadata } from "next";
import { EmailLogFilterForm } from "@/components/email-log/email-log-filter-form";
import { RetryEmailButton } from "@/components/email-log/retry-email-button";
import { LogResults } from "@/components/logs/log-results";
import { DeliveryStateBadge, UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { EMAIL_STATUS_BADGES, EMAIL_STATUS_LABELS, emailTemplateLabel } from "@/lib/email/labels";
import { retryEmailAction } from "@/lib/email/log/actions";
import { emailLogFilterQuery, parseEmailLogFilters } from "@/lib/email/log/filters";
import { listEmailLog } from "@/lib/email/log/queries";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { TableScroll } from "@/components/ui/table-scroll";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Email inviate" };

const PATH = routes.dashboard.emails();

const EMAIL_COUNTS = {
  none: "Nessun messaggio.",
  noneFiltered: "Nessun messaggio corrisponde ai filtri.",
  one: "1 messaggio.",
  many: (total: number) => `${total} messaggi, dal più recente.`,
};

type Props = { searchParams: Promise<SearchParams> };

export default async function EmailLogPage({ searchParams }: Props) {
  const user = await guardPage("read");
  const filters = parseEmailLogFilters(await searchParams);
  const { messages, total, page, pageCount } = await listEmailLog(db(), filters);
  const query = emailLogFilterQuery(filters);
  const filtered = Object.values(query).some(Boolean);
  const mayRetry = can(user.role, "write");

  return (
    <>
      <h1>Email inviate</h1>
      <p className="lead">
        Ogni messaggio che il portale ha preparato, dal più recente, con il suo stato. Un messaggio non inviato dopo
        tutti i tentativi automatici si può inviare di nuovo; uno annullato prima di partire (un attestato o un invito
        revocato, un codice sostituito, un&apos;iscrizione o un incontro annullati, dati cancellati) no. Sotto lo stato,
        l&apos;esito riferito dal server del destinatario (consegnata, rimbalzata, segnalata come spam…). Un indirizzo
        che ha rifiutato un messaggio in modo definitivo o lo ha segnalato come spam è «email non recapitabile»: i
        promemoria non gli vengono più inviati, i link che la persona richiede sì. Il contenuto non è mostrato perché contiene link personali.
      </p>
      <EmailLogFilterForm path={PATH} filters={filters} />

      <LogResults
        total={total}
        shown={messages.length}
        filtered={filtered}
        page={page}
        pageCount={pageCount}
        path={PATH}
        query={query}
        counts={EMAIL_COUNTS}
        paginationLabel="Pagine delle email"
      >
        <TableScroll label="Tabella delle email">
          <table className="table align-top">
            <caption>
              Email{filtered ? " (filtrate)" : ""}, pagina {page} di {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">Destinatario</th>
                <th scope="col">Messaggio</th>
                <th scope="col">Convocazione</th>
                <th scope="col">Stato</th>
                <th scope="col">Tentativi</th>
                <th scope="col">Creato</th>
                <th scope="col">Inviato</th>
                {mayRetry ? <th scope="col">Azioni</th> : null}
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <th scope="row" className="fw-normal">
                    {message.toEmail}
                    {message.toName ? <div className="small">{message.toName}</div> : null}
                    <UndeliverableBadge reason={message.undeliverable} />
                  </th>
                  <td>{emailTemplateLabel(message.template)}</td>
                  <td>{message.meeting ? message.meeting.title : "—"}</td>
                  <td>
                    <span className={`badge ${EMAIL_STATUS_BADGES[message.status]}`}>{EMAIL_STATUS_LABELS[message.status]}</span>
                    {message.lastError ? (
                      <div className="small text-break mt-1">
                        <span className="fw-semibold">{message.status === "CANCELLED" ? "Motivo" : "Ultimo errore"}:</span> {message.lastError}
                      </div>
                    ) : null}
                    <DeliveryStateBadge state={message.deliveryState} at={message.deliveryStateAt} />
                  </td>
                  <td>{message.attempts}</td>
                  <td>
                    <RomeTime date={message.createdAt} />
                  </td>
                  <td>{message.sentAt ? <RomeTime date={message.sentAt} /> : "—"}</td>
                  {mayRetry ? (
                    <td>
                      {message.status === "FAILED" ? (
                        <RetryEmailButton action={retryEmailAction.bind(null, message.id)} messageId={message.id} recipient={message.toEmail} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </LogResults>
    </>
  );
}
