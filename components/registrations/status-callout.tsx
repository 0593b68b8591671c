import { RomeTime } from "@/components/ui/rome-time";
import { Callout } from "@/components/ui/callout";
import type { PersonalRegistration } from "@/lib/registrations/queries";
import { waitlistPositionText } from "@/lib/registrations/seats";

/** Where the registration stands, first thing on the personal page. */
export function StatusCallout({ registration }: { registration: PersonalRegistration }) {
  if (registration.status === "CONFIRMED") {
    return (
      <Callout title="Iscrizione confermata" variant="success" icon="it-check-circle">
        <p className="mb-0">Il tuo posto all&apos;incontro è confermato.</p>
      </Callout>
    );
  }
  if (registration.status === "WAITLISTED") {
    return (
      <Callout title="In lista d'attesa" variant="warning" icon="it-clock">
        {registration.waitlistPosition ? <p className="fw-semibold">{waitlistPositionText(registration.waitlistPosition)}</p> : null}
        <p className="mb-0">
          I posti sono esauriti. Se se ne libera uno, le persone in lista d&apos;attesa sono iscritte in ordine di arrivo e
          avvisate per email.
        </p>
      </Callout>
    );
  }
  return (
    <Callout title="Iscrizione annullata" variant="danger" icon="it-close-circle">
      <p className="mb-0">
        Hai annullato l&apos;iscrizione{registration.cancelledAt ? <> il <RomeTime date={registration.cancelledAt} /></> : null}.
      </p>
    </Callout>
  );
}

/** The videoconference link: the page only renders this for a confirmed registrant (see getRegistrationByToken). */
export function JoinLink({ joinUrl, platform }: { joinUrl: string; platform: string | null }) {
  return (
    <Callout title="Link di collegamento" variant="important" icon="it-video">
      <p>
        <a href={joinUrl} className="btn btn-primary" target="_blank" rel="noopener noreferrer">
          Collegati alla videoconferenza
          <span className="visually-hidden">{platform ? ` su ${platform}` : ""} (si apre in una nuova scheda)</span>
        </a>
      </p>
      <p className="small text-break">
        {platform ? `Link ${platform}` : "Link"}: {joinUrl}
      </p>
      <p className="small mb-0">Il link è riservato agli iscritti: non condividerlo.</p>
    </Callout>
  );
}
