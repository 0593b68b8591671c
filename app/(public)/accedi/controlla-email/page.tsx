import type { Metadata } from "next";
import Link from "next/link";
import { PublicPage } from "@/components/layout/public-page";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/paths";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Controlla la tua email", robots: { index: false } };

const PAGE_UPDATED = new Date("2026-11-26T12:00:00Z");

/** The same page whether or not the address has an account: it tells nobody who does. */
export default function CheckEmailPage() {
  return (
    <PublicPage lastUpdated={PAGE_UPDATED}>
      <div className="row">
        <div className="col-lg-7">
          <h1>Controlla la tua email</h1>
          <p className="lead">
            Se l&apos;indirizzo appartiene a un utente dell&apos;area riservata, riceverai a breve un messaggio con il link
            di accesso. Il link vale una sola volta, per {SIGN_IN_LINK_MINUTES} minuti.
          </p>
          <p>Non trovi il messaggio? Controlla la cartella della posta indesiderata, oppure <Link href={routes.signIn()}>chiedi un nuovo link</Link>.</p>
        </div>
      </div>
    </PublicPage>
  );
}
