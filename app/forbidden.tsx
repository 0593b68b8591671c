import Link from "next/link";
import { routes } from "@/lib/routes";

/** 403: a signed-in user whose role lacks the permission a dashboard page needs (guardPage). */
export default function Forbidden() {
  return (
    <main id="main" className="container my-5" tabIndex={-1}>
      <h1>Accesso non consentito</h1>
      <p className="lead">Il tuo profilo non consente di aprire questa pagina.</p>
      <p>
        Se pensi che sia un errore, chiedi a un amministratore di cambiare il tuo ruolo. <Link href={routes.dashboard.home()}>Torna alla panoramica</Link>
      </p>
    </main>
  );
}
