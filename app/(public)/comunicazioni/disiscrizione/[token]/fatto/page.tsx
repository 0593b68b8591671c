import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { getUnsubscribeLink } from "@/lib/communications/queries";
import { db } from "@/lib/db";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { routes } from "@/lib/routes";
import { tokenSegment } from "@/lib/segments";
import { SITE } from "@/lib/site";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Non riceverai più comunicazioni",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

const LAST_UPDATED = new Date(`${PRIVACY_NOTICE_VERSION}T12:00:00Z`);

type PageProps = { params: Promise<{ token: string }> };

/** Where the unsubscribe button leads: the consent is withdrawn. */
export default async function UnsubscribedPage({ params }: PageProps) {
  const token = tokenSegment((await params).token);
  const link = await getUnsubscribeLink(db(), token);
  if (!link) notFound();
  // Not done yet (the address typed by hand): the page with the button.
  if (link.state === "CONSENTED") redirect(routes.unsubscribe(token).page());

  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <h1 className="mb-4">Non riceverai più comunicazioni</h1>
      <div className="alert alert-success mb-4" role="status">
        <p className="mb-0">
          Fatto: l&apos;indirizzo <strong>{link.email}</strong> non riceverà più comunicazioni del {SITE.title}.
        </p>
      </div>
      <p>
        Continuerai a ricevere solo le email che riguardano ciò che chiedi tu (la conferma di un&apos;iscrizione, il link
        personale, gli attestati). Se cambi idea, puoi dare di nuovo il consenso con la prossima iscrizione a un incontro.
      </p>
      <p>
        <Link href={routes.home()}>Torna alla pagina iniziale</Link>
      </p>
    </PublicPage>
  );
}
