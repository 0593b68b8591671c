import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { PersonRecords } from "@/lib/people/queries";
import { ATTENDANCE_LABELS, SOURCE_LABELS } from "@/lib/registrations/dashboard/labels";
import { INVITATION_STATUS_LABELS, ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/registrations/labels";
import { MunicipalityLink, None } from "./person-sections";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";

type Registration = PersonRecords["registrations"][number];

function Organisation({ registration }: { registration: Registration }) {
  const type = ORGANISATION_TYPE_LABELS[registration.organisationType];
  if (registration.municipality) return <>{type}: <MunicipalityLink municipality={registration.municipality} /></>;
  if (registration.managingBody) return <>{type}: <Link href={routes.dashboard.managingBody(registration.managingBody.id)}>{registration.managingBody.name}</Link></>;
  return <>{registration.organisationName ? `${type}: ${registration.organisationName}` : type}</>;
}

export function PersonRegistrations({ registrations }: { registrations: PersonRecords["registrations"] }) {
  if (registrations.length === 0) return <None>Nessuna iscrizione.</None>;
  return (
    <TableScroll label="Tabella delle iscrizioni della persona">
      <table className="table align-top">
        <caption>Iscrizioni, dalla più recente</caption>
        <thead>
          <tr>
            <th scope="col">Incontro</th>
            <th scope="col">Stato e presenza</th>
            <th scope="col">Per conto di</th>
            <th scope="col">Consensi</th>
            <th scope="col">Origine e date</th>
            <th scope="col">Gestori segnalati</th>
          </tr>
        </thead>
        <tbody>
          {registrations.map((registration) => (
            <tr key={registration.id}>
              <th scope="row" className="fw-normal">
                <Link href={routes.dashboard.meeting(registration.meeting.id).registrations()}>{registration.meeting.title}</Link>
                <div className="small">
                  <RomeTime date={registration.meeting.startsAt} format="date" />
                </div>
              </th>
              <td>
                {REGISTRATION_STATUS_LABELS[registration.status]}
                <div className="small">
                  {registration.attendance
                    ? `${ATTENDANCE_LABELS[registration.attendance.status]}${registration.attendance.minutes != null ? `, ${plural(registration.attendance.minutes, "minuto", "minuti")}` : ""}`
                    : "Presenza non registrata"}
                </div>
              </td>
              <td>
                <Organisation registration={registration} />
                {registration.roleTitle ? <div className="small">{registration.roleTitle}</div> : null}
              </td>
              <td className="small">
                Informativa privacy (versione {registration.privacyNoticeVersion}): <RomeTime date={registration.privacyConsentAt} />
                <br />
                Comunicazioni future:{" "}
                {registration.communicationsConsent && registration.communicationsConsentAt ? (
                  <>
                    sì, dal <RomeTime date={registration.communicationsConsentAt} />
                  </>
                ) : (
                  "no"
                )}
              </td>
              <td className="small">
                {SOURCE_LABELS[registration.source]}
                <br />
                Iscrizione: <RomeTime date={registration.createdAt} />
                {registration.cancelledAt ? (
                  <>
                    <br />
                    Annullata: <RomeTime date={registration.cancelledAt} />
                  </>
                ) : null}
                <br />
                Link personale: {registration.tokenRevokedAt ? "revocato" : <>valido fino al <RomeTime date={registration.tokenExpiresAt} format="date" /></>}
              </td>
              <td>
                {registration.invitationsSent.length === 0 ? (
                  "Nessuno"
                ) : (
                  <ul className="list-unstyled mb-0 small">
                    {registration.invitationsSent.map((invitation) => (
                      <li key={invitation.id}>
                        {invitation.firstName} {invitation.lastName} ({invitation.managingBodyName}) - {INVITATION_STATUS_LABELS[invitation.status]}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
