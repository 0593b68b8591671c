import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RomeTime } from "@/components/ui/rome-time";
import { devOutboxEnabled, EMAIL_STATUS_BADGES, EMAIL_STATUS_LABELS, emailTemplateLabel } from "@/lib/email/labels";
import { listRecentEmailMessages } from "@/lib/email/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Posta in uscita (sviluppo)", robots: { index: false, follow: false } };

export default async function DevOutboxPage() {
  if (!devOutboxEnabled()) notFound();
  const messages = await listRecentEmailMessages(db(), 100);

  return (
    <main id="main" className="container my-5" tabIndex={-1}>
      <h1>Posta in uscita</h1>
      <p className="lead">
        I messaggi che il portale ha preparato, dal più recente. Pagina disponibile solo fuori dalla produzione: senza{" "}
        <code>RESEND_API_KEY</code> i messaggi non partono e si leggono qui; senza <code>PEC_SMTP_URL</code> anche le PEC, segnate «PEC».
      </p>
      {messages.length === 0 ? (
        <p>Nessun messaggio.</p>
      ) : (
        <TableScroll label="Tabella dei messaggi">
          <table className="table table-striped">
            <caption className="visually-hidden">Ultimi {messages.length} messaggi</caption>
            <thead>
              <tr>
                <th scope="col">Destinatario</th>
                <th scope="col">Modello</th>
                <th scope="col">Stato</th>
                <th scope="col">Tentativi</th>
                <th scope="col">Creato</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>
                    <Link href={`/dev/email/${message.id}`}>{message.toEmail}</Link>
                    {message.channel === "PEC" ? (
                      <span className="badge bg-primary ms-2" title="Posta elettronica certificata">
                        PEC
                      </span>
                    ) : null}
                    {message.toName ? <div className="small text-secondary">{message.toName}</div> : null}
                  </td>
                  <td>{emailTemplateLabel(message.template)}</td>
                  <td>
                    <span className={`badge ${EMAIL_STATUS_BADGES[message.status]}`}>
                      {EMAIL_STATUS_LABELS[message.status]}
                    </span>
                    {message.lastError ? <div className="small text-danger">{message.lastError}</div> : null}
                  </td>
                  <td>{message.attempts}</td>
                  <td>
                    <RomeTime date={message.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </main>
  );
}
