import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { RomeTime } from "@/components/ui/rome-time";
import { getUnsubscribeLink } from "@/lib/communications/queries";
import { db } from "@/lib/db";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { routes } from "@/lib/routes";
import { tokenSegment } from "@/lib/segments";
import { SITE } from "@/lib/site";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Non ricevere più comunicazioni",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

const LAST_UPDATED = new Date(`${PRIVACY_NOTICE_VERSION}T12:00:00Z`);

type PageProps = { params: Promise<{ token: string }> };

/**
 * An email's "Non ricevere più queste comunicazioni": who it is about and
 * one button, a plain form that works without JavaScript. Opening the page
 * changes nothing (a mail scanner following links must not unsubscribe
 * anyone): only the button does.
 */
export default async function UnsubscribePage({ params }: PageProps) {
  const token = tokenSegment((await params).token);
  const link = await getUnsubscribeLink(db(), token);
  if (!link) notFound();

  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <h1 className="mb-4">Non ricevere più comunicazioni</h1>
      {link.state === "WITHDRAWN" ? (
        <div className="alert alert-info mb-4" role="status">
          <p className="mb-0">
            Già fatto: dal {link.withdrawnAt ? <RomeTime date={link.withdrawnAt} format="date" /> : null} l&apos;indirizzo{" "}
            <strong>{link.email}</strong> non riceve più comunicazioni del Coordinamento.
          </p>
        </div>
      ) : (
        <>
          <p className="lead">
            {link.name}, puoi chiedere di non ricevere più all&apos;indirizzo <strong>{link.email}</strong> le comunicazioni
            del {SITE.title}: convocazioni degli incontri e promemoria per l&apos;iscrizione del tuo Comune.
          </p>
          <p>
            Continuerai a ricevere solo le email che riguardano ciò che chiedi tu: la conferma di un&apos;iscrizione, il link
            personale, il link di collegamento a un incontro per cui risulta la tua iscrizione, gli attestati.
          </p>
          <form method="post" action={routes.unsubscribe(token).confirm()} className="mb-4">
            <button type="submit" className="btn btn-primary">
              Non ricevere più comunicazioni
            </button>
          </form>
        </>
      )}
      <p>
        Se cambi idea, puoi dare di nuovo il consenso con la prossima iscrizione a un incontro, oppure scrivere alla Segreteria
        del Coordinamento: <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a>.
      </p>
      <p>
        <Link href={routes.home()}>Torna alla pagina iniziale</Link>
      </p>
    </PublicPage>
  );
}
