import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { LinkProblem } from "@/components/registrations/link-problem";
import { CalendarLink, MeetingSummary } from "@/components/registrations/meeting-summary";
import { getRegistrationByToken, type PersonalRegistration } from "@/lib/registrations/queries";
import { waitlistPositionText } from "@/lib/registrations/seats";
import { tokenSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// A personal link: never indexed, never sent to another site as a Referer (see next.config.mjs).
export const metadata: Metadata = {
  title: "Conferma dell'iscrizione",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type PageProps = { params: Promise<{ token: string }> };

/** The outcome first, as an alert read out when the page opens, with the way to the personal page. */
function Outcome({ registration, personalPath }: { registration: PersonalRegistration; personalPath: string }) {
  const online = registration.meeting.mode !== "IN_PERSON";
  const { firstName } = registration.person;
  const manage = (
    <Link className="btn btn-primary mt-2" href={personalPath} prefetch={false}>
      Gestisci la tua iscrizione
    </Link>
  );
  if (registration.status === "CONFIRMED") {
    return (
      <>
        <h1>Iscrizione confermata</h1>
        <div className="alert alert-success mb-4" role="status">
          <p className="lead mb-2">Grazie, {firstName}: la tua iscrizione all&apos;incontro è confermata.</p>
          {online ? <p>Il link di collegamento sarà inviato prima dell&apos;incontro all&apos;indirizzo email che hai indicato.</p> : null}
          <p>Ti abbiamo inviato un&apos;email di riepilogo con il link personale per gestire l&apos;iscrizione.</p>
          {manage}
        </div>
      </>
    );
  }
  if (registration.status === "WAITLISTED") {
    return (
      <>
        <h1>Sei in lista d&apos;attesa</h1>
        <div className="alert alert-warning mb-4" role="status">
          <p className="lead mb-2">
            Grazie, {firstName}: i posti disponibili sono esauriti e la tua richiesta è in lista d&apos;attesa.
          </p>
          {registration.waitlistPosition ? <p className="fw-semibold">{waitlistPositionText(registration.waitlistPosition)}</p> : null}
          <p>
            Se si libera un posto, le persone in lista d&apos;attesa sono iscritte in ordine di arrivo: in quel caso
            riceverai un&apos;email di conferma{online ? " e il link di collegamento sarà inviato prima dell'incontro" : ""}.
          </p>
          <p>Ti abbiamo inviato un&apos;email di riepilogo con il link personale per gestire l&apos;iscrizione.</p>
          {manage}
        </div>
      </>
    );
  }
  return (
    <>
      <h1>Iscrizione annullata</h1>
      <p className="lead">Questa iscrizione è stata annullata.</p>
      <p>{manage}</p>
    </>
  );
}

export default async function ConfirmationPage({ params }: PageProps) {
  const token = tokenSegment((await params).token);
  const found = await getRegistrationByToken(db(), { token });
  if (!found) notFound();
  if (found.link === "expired") {
    return (
      <LinkProblem title="Link scaduto" meeting={found.meeting}>
        <p>Questo link personale è scaduto: i link restano validi fino a 30 giorni dopo l&apos;incontro.</p>
      </LinkProblem>
    );
  }
  const { registration } = found;
  const personalPath = routes.personal(token).page();
  const invited = registration.invitationsSent;

  return (
    <PublicPage lastUpdated={registration.updatedAt}>
      <Outcome registration={registration} personalPath={personalPath} />
      <MeetingSummary meeting={registration.meeting} />

      {invited.length > 0 ? (
        <section className="mb-5" aria-labelledby="inviti">
          <h2 id="inviti" className="h4">
            Inviti inviati
          </h2>
          <p>Abbiamo inviato un invito personale a:</p>
          <ul>
            {invited.map((invitation) => (
              <li key={invitation.id}>
                {invitation.firstName} {invitation.lastName} ({invitation.managingBodyName})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="mb-5" aria-labelledby="link-personale">
        <h2 id="link-personale" className="h4">
          Il tuo link personale
        </h2>
        <p>
          Con il link personale, che trovi anche nell&apos;email, puoi vedere, modificare o annullare l&apos;iscrizione e
          invitare altri rappresentanti. È personale: conservalo e non condividerlo.
        </p>
      </section>

      {registration.status !== "CANCELLED" ? (
        <p>
          <CalendarLink slug={registration.meeting.slug} token={token} />
        </p>
      ) : null}
    </PublicPage>
  );
}
