import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { ManagingBodyDetail } from "@/lib/managing-bodies/queries";
import { NAMED_BY_LIMIT } from "@/lib/managing-bodies/queries";
import { INVITATION_STATUS_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/registrations/labels";
import { routes } from "@/lib/routes";

function more(total: number, shown: number) {
  return total > shown ? <p className="small">Sono mostrate le {shown} più recenti su {total}.</p> : null;
}

/** The registrations and invitations that name this body: what a merge moves. */
export function NamedBy({ body }: { body: ManagingBodyDetail }) {
  return (
    <section className="my-5" aria-labelledby="indicato-titolo">
      <h2 id="indicato-titolo">Iscrizioni e inviti che lo indicano</h2>
      {body.registrations.length === 0 ? (
        <p>Nessuna iscrizione indica questo ente.</p>
      ) : (
        <>
          <TableScroll label="Tabella delle iscrizioni che indicano l'ente">
            <table className="table align-top">
              <caption>Iscrizioni a nome di {body.name} ({body._count.registrations})</caption>
              <thead>
                <tr>
                  <th scope="col">Persona</th>
                  <th scope="col">Convocazione</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Iscritta il</th>
                </tr>
              </thead>
              <tbody>
                {body.registrations.map((registration) => (
                  <tr key={registration.id}>
                    <th scope="row" className="fw-normal">
                      {registration.person.firstName} {registration.person.lastName}
                    </th>
                    <td>
                      <Link href={routes.dashboard.meeting(registration.meeting.id).registrations()}>{registration.meeting.title}</Link>
                    </td>
                    <td>{REGISTRATION_STATUS_LABELS[registration.status]}</td>
                    <td>
                      <RomeTime date={registration.createdAt} format="date" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {more(body._count.registrations, Math.min(NAMED_BY_LIMIT, body.registrations.length))}
        </>
      )}
      {body.invitations.length === 0 ? (
        <p>Nessun invito indica questo ente.</p>
      ) : (
        <>
          <TableScroll label="Tabella degli inviti che indicano l'ente">
            <table className="table align-top">
              <caption>Inviti a rappresentanti di {body.name} ({body._count.invitations})</caption>
              <thead>
                <tr>
                  <th scope="col">Invitato</th>
                  <th scope="col">Convocazione</th>
                  <th scope="col">Nome dell&apos;ente indicato</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {body.invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row" className="fw-normal">
                      {invitation.firstName} {invitation.lastName}
                    </th>
                    <td>
                      <Link href={routes.dashboard.meeting(invitation.meeting.id).invitations()}>{invitation.meeting.title}</Link>
                    </td>
                    <td>{invitation.managingBodyName}</td>
                    <td>{INVITATION_STATUS_LABELS[invitation.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {more(body._count.invitations, Math.min(NAMED_BY_LIMIT, body.invitations.length))}
        </>
      )}
    </section>
  );
}
