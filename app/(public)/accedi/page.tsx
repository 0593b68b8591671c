import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PublicPage } from "@/components/layout/public-page";
import { Callout } from "@/components/ui/callout";
import { requestSignInAction } from "@/lib/auth/actions";
import { safeCallbackPath } from "@/lib/auth/guard";
import { currentUser } from "@/lib/auth/session";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/paths";

export const metadata: Metadata = { title: "Accesso all'area riservata", robots: { index: false } };

const PAGE_UPDATED = new Date("2026-11-26T12:00:00Z");

// Auth.js sends people back here with ?error= when a link is used twice, has expired or is refused.
const ERRORS: Record<string, string> = {
  Verification: "Il link di accesso è scaduto o è già stato usato. Chiedine uno nuovo qui sotto.",
  AccessDenied: "Questo indirizzo non può accedere all'area riservata.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; uscita?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, uscita } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await currentUser()) redirect(target);
  const errorMessage = error ? (ERRORS[error] ?? "Non è stato possibile completare l'accesso. Riprova.") : null;
  return (
    <PublicPage lastUpdated={PAGE_UPDATED}>
      <div className="row">
        <div className="col-lg-7">
          <h1>Accesso all&apos;area riservata</h1>
          <p className="lead">
            L&apos;area riservata è per i coordinatori di ANCI Sicilia e per gli osservatori del progetto. Inserisci il tuo
            indirizzo email: ti invieremo un link che vale una sola volta, per {SIGN_IN_LINK_MINUTES} minuti.
          </p>
          {uscita ? (
            <Callout title="Sessione chiusa" variant="success" icon="it-check-circle">
              <p>Hai chiuso la sessione. Per rientrare chiedi un nuovo link.</p>
            </Callout>
          ) : null}
          {errorMessage ? (
            <Callout title="Accesso non riuscito" variant="danger" icon="it-error">
              <p>{errorMessage}</p>
            </Callout>
          ) : null}
          <SignInForm action={requestSignInAction.bind(null, target)} />
          <p className="mt-4">
            Non c&apos;è registrazione libera: se ti serve un accesso, chiedilo a un amministratore del Coordinamento.
          </p>
        </div>
      </div>
    </PublicPage>
  );
}
