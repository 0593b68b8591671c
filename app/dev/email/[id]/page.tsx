import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RomeTime } from "@/components/ui/rome-time";
import { devOutboxEnabled, EMAIL_STATUS_BADGES, EMAIL_STATUS_LABELS, emailTemplateLabel } from "@/lib/email/labels";
import { getEmailMessage } from "@/lib/email/queries";
import { readDeliveredEmail } from "@/lib/platform/email-transport/outbox-transport";
import { renderStoredEmail, type RenderedEmail } from "@/lib/email/render";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Messaggio (sviluppo)", robots: { index: false, follow: false } };

type PageProps = { params: Promise<{ id: string }> };

async function tryRender(template: string, data: unknown): Promise<RenderedEmail | string> {
  try {
    return await renderStoredEmail(template, data);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export default async function DevEmailPage({ params }: PageProps) {
  if (!devOutboxEnabled()) notFound();
  const id = uuidSegment((await params).id);
  const message = await getEmailMessage(db(), id);
  if (!message) notFound();
  // A sent message keeps no link in the database: the outbox's delivered copy has them.
  const delivered = await readDeliveredEmail(message.id);
  const final = message.status === "SENT" || message.status === "CANCELLED";
  const rendered = delivered
    ? { ...delivered, privateUrls: [] }
    : final
      ? "dopo l'invio o il ritiro il portale non conserva link e codici, e la copia consegnata non è nella cartella della posta in uscita."
      : await tryRender(message.template, message.data);

  return (
    <main id="main" className="container my-5" tabIndex={-1}>
      <p>
        <Link href="/dev/email">Torna alla posta in uscita</Link>
      </p>
      <h1 className="h2">{typeof rendered === "string" ? emailTemplateLabel(message.template) : rendered.subject}</h1>
      <dl className="row">
        <dt className="col-sm-3">Destinatario</dt>
        <dd className="col-sm-9">
          {message.toName ? `${message.toName} <${message.toEmail}>` : message.toEmail}
          {message.channel === "PEC" ? (
            <span className="badge bg-primary ms-2" title="Posta elettronica certificata">
              PEC
            </span>
          ) : null}
        </dd>
        <dt className="col-sm-3">Modello</dt>
        <dd className="col-sm-9">{emailTemplateLabel(message.template)}</dd>
        <dt className="col-sm-3">Stato</dt>
        <dd className="col-sm-9">
          <span className={`badge ${EMAIL_STATUS_BADGES[message.status]}`}>{EMAIL_STATUS_LABELS[message.status]}</span>{" "}
          dopo {plural(message.attempts, "tentativo", "tentativi")}
          {message.transport ? ` (${message.transport}${message.providerId ? `, ${message.providerId}` : ""})` : ""}
        </dd>
        {message.lastError ? (
          <>
            <dt className="col-sm-3">Ultimo errore</dt>
            <dd className="col-sm-9 text-danger">{message.lastError}</dd>
          </>
        ) : null}
        <dt className="col-sm-3">Creato</dt>
        <dd className="col-sm-9">
          <RomeTime date={message.createdAt} />
        </dd>
        {message.sentAt ? (
          <>
            <dt className="col-sm-3">Inviato</dt>
            <dd className="col-sm-9">
              <RomeTime date={message.sentAt} />
            </dd>
          </>
        ) : null}
      </dl>

      {typeof rendered === "string" ? (
        <div className="alert alert-danger" role="alert">
          Il messaggio non si può comporre: {rendered}
        </div>
      ) : (
        <>
          <h2 className="h4 mt-4">Versione HTML</h2>
          {/* An empty sandbox: the email's markup runs no script and cannot reach this page. */}
          <iframe
            title="Anteprima HTML del messaggio"
            srcDoc={rendered.html}
            sandbox=""
            className="w-100 border"
            style={{ height: "70vh" }}
          />
          <h2 className="h4 mt-4">Versione testo</h2>
          <pre className="border p-3 bg-light" style={{ whiteSpace: "pre-wrap" }}>
            {rendered.text}
          </pre>
          {rendered.attachments?.map((attachment) => (
            <details key={attachment.filename} className="mt-3">
              <summary>
                Allegato: {attachment.filename} ({attachment.contentType})
              </summary>
              <pre className="border p-3 bg-light">{attachment.content}</pre>
            </details>
          ))}
        </>
      )}
    </main>
  );
}
