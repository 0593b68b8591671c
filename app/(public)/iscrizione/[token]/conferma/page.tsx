import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { LinkProblem } from "@/components/registrations/link-problem";
import { CalendarLink, MeetingSummary } from "@/components/registrations/meeting-summary";
import { getRegistrationByToken, type PersonalRegistration } from "@/lib/registrations/queries";
import { appOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

// A personal link: never indexed, never sent to another site as a Referer (see next.config.mjs).
export const metadata: Metadata = {
  title: "Conferma dell'iscrizione",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type PageProps = { params: Promise<{ token: string }> };

function Outcome({ registration }: { registration: PersonalRegistration }) {
  const online = registration.meeting.mode !== "IN_PERSON";
  if (registration.status === "CONFIRMED") {
    return (
      <>
        <h1>Iscrizione confermata</h1>
        <p className="lead">
          Grazie, {registration.person.firstName}: la tua iscrizione all&apos;incontro è confermata.
        </p>
        {online ? <p>Il link di collegamento sarà inviato prima dell&apos;incontro all&apos;indirizzo email che hai indicato.</p> : null}
      </>
    );
  }
  if (registration.status === "WAITLISTED") {
    return (
      <>
        <h1>Sei in lista d&apos;attesa</h1>
        <p className="lead">
          Grazie, {registration.person.firstName}: i posti disponibili sono esauriti e la tua richiesta è in lista
          d&apos;attesa.
        </p>
        <p>
          Se si libera un posto, le persone in lista d&apos;attesa sono iscritte in ordine di arrivo: in quel caso
          riceverai un&apos;email di conferma{online ? " e il link di collegamento sarà inviato prima dell'incontro" : ""}.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Iscrizione annullata</h1>
      <p className="lead">Questa iscrizione è stata annullata.</p>
    </>
  );
}

export default async function ConfirmationPage({ params }: PageProps) {
  const { token } = await params;
  const found = await getRegistrationByToken(token);
  if (!found) notFound();
  if (found.link === "expired") {
    return (
      <LinkProblem title="Link scaduto" meeting={found.meeting}>
        <p>Questo link personale è scaduto: i link restano validi fino a 30 giorni dopo l&apos;incontro.</p>
      </LinkProblem>
    );
  }
  const { registration } = found;
  const personalPath = `/iscrizione/${token}`;
  const invited = registration.invitationsSent;

  return (
    <PublicPage lastUpdated={registration.updatedAt}>
      <Outcome registration={registration} />
      <p>Ti abbiamo inviato un&apos;email di riepilogo con il link personale per gestire l&apos;iscrizione.</p>
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
          Con questo link puoi vedere, modificare o annullare l&apos;iscrizione e invitare altri rappresentanti. È
          personale: conservalo e non condividerlo.
        </p>
        <p className="text-break">
          <Link href={personalPath} prefetch={false}>{`${appOrigin()}${personalPath}`}</Link>
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
