import { RomeTime } from "@/components/ui/rome-time";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { ORGANISATION_TYPE_LABELS } from "@/lib/registrations/labels";
import type { PersonalRegistration } from "@/lib/registrations/queries";

function organisationOf(registration: PersonalRegistration): string {
  if (registration.municipality) return `Comune di ${registration.municipality.name}`;
  return [ORGANISATION_TYPE_LABELS[registration.organisationType], registration.organisationName].filter(Boolean).join(": ");
}

/** What the portal holds about this registration, as the registrant may check it. */
export function RegistrationDetails({ registration }: { registration: PersonalRegistration }) {
  const { person } = registration;
  return (
    <dl className="meeting-facts">
      <dt>Nome e cognome</dt>
      <dd>
        {person.firstName} {person.lastName}
      </dd>
      <dt>Email</dt>
      <dd>{person.email}</dd>
      <dt>Telefono</dt>
      <dd>{person.phone ?? "Non indicato"}</dd>
      <dt>Ruolo o qualifica</dt>
      <dd>{registration.roleTitle ?? person.roleTitle ?? "Non indicato"}</dd>
      <dt>Ente</dt>
      <dd>{organisationOf(registration)}</dd>
      <dt>Informativa privacy</dt>
      <dd>
        Presa visione il <RomeTime date={registration.privacyConsentAt} /> (versione del{" "}
        {formatIsoCalendarDate(registration.privacyNoticeVersion)})
      </dd>
      <dt>Comunicazioni sulle prossime iniziative</dt>
      <dd>{registration.communicationsConsent ? "Sì, desidero riceverle" : "No"}</dd>
    </dl>
  );
}
