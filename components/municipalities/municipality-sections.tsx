import Link from "next/link";
import { UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { REFERENT_ROLE_LABELS, REFERENT_STATUS_LABELS } from "@/lib/referents/labels";
import { SAI_CATEGORY_LABELS } from "@/lib/sai-projects/labels";
import type { MunicipalityDetail } from "@/lib/municipalities/dashboard/queries";
import { ATTENDANCE_LABELS } from "@/lib/registrations/dashboard/labels";
import { INVITATION_STATUS_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/registrations/labels";
import { routes } from "@/lib/routes";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { normalizeAddress } from "@/lib/email/suppression/policy";

type Person = { id: string; firstName: string; lastName: string; erasedAt: Date | null };

export function PersonLink({ person }: { person: Person }) {
  return (
    <Link href={routes.dashboard.person(person.id)}>
      {person.erasedAt ? "Dati cancellati" : `${person.firstName} ${person.lastName}`}
    </Link>
  );
}

export function MunicipalityReferents({
  referents,
  undeliverable,
}: {
  referents: MunicipalityDetail["referents"];
  /** The addresses on the suppression list (undeliverableAddresses), with the reason. */
  undeliverable: ReadonlyMap<string, EmailSuppressionReason>;
}) {
  if (referents.length === 0) return <p>Nessun referente designato.</p>;
  return (
    <TableScroll label="Tabella dei referenti del Comune">
      <table className="table align-top">
        <caption>Referenti del Comune, prima quelli attivi</caption>
        <thead>
          <tr>
            <th scope="col">Referente</th>
            <th scope="col">Ruolo</th>
            <th scope="col">Ufficio</th>
            <th scope="col">Stato</th>
            <th scope="col">Dettagli</th>
          </tr>
        </thead>
        <tbody>
          {referents.map((referent) => (
            <tr key={referent.id}>
              <th scope="row" className="fw-normal">
                <PersonLink person={referent.person} />
                {referent.person.erasedAt ? null : <UndeliverableBadge reason={undeliverable.get(normalizeAddress(referent.person.email))} />}
              </th>
              <td>{REFERENT_ROLE_LABELS[referent.role]}</td>
              <td>{referent.office ?? "—"}</td>
              <td>
                <span className={referent.status === "ACTIVE" ? "badge bg-success" : "badge bg-secondary"}>{REFERENT_STATUS_LABELS[referent.status]}</span>
                <div className="small">
                  {referent.status === "ACTIVE" ? (
                    <>
                      dal <RomeTime date={referent.activatedAt} format="date" />
                    </>
                  ) : (
                    <>
                      {referent.revokedAt ? (
                        <>
                          il <RomeTime date={referent.revokedAt} format="date" />
                        </>
                      ) : null}
                      {referent.revokedReason ? ` - ${referent.revokedReason}` : null}
                    </>
                  )}
                </div>
              </td>
              <td>
                <Link href={routes.dashboard.referent(referent.id)}>
                  Apri<span className="visually-hidden"> il referente {referent.person.erasedAt ? "" : `${referent.person.firstName} ${referent.person.lastName}`}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function MunicipalityProjects({ projects }: { projects: MunicipalityDetail["saiProjects"] }) {
  if (projects.length === 0) return <p>Nessun progetto SAI registrato.</p>;
  return (
    <TableScroll label="Tabella dei progetti SAI del Comune">
      <table className="table align-middle">
        <caption>Progetti SAI del Comune</caption>
        <thead>
          <tr>
            <th scope="col">Categoria</th>
            <th scope="col">Codice progetto</th>
            <th scope="col">Posti</th>
            <th scope="col">Ente gestore</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.id}>
              <th scope="row" className="fw-normal">
                {SAI_CATEGORY_LABELS[project.category]}
              </th>
              <td>{project.projectCode ?? "—"}</td>
              <td>{project.places ?? "—"}</td>
              <td>
                <Link href={routes.dashboard.managingBody(project.managingBody.id)}>{project.managingBody.name}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function MunicipalityManagingBodies({ bodies }: { bodies: MunicipalityDetail["managingBodies"] }) {
  if (bodies.length === 0) return <p>Nessun ente gestore collegato.</p>;
  return (
    <ul>
      {bodies.map((body) => (
        <li key={body.id}>
          <Link href={routes.dashboard.managingBody(body.id)}>{body.name}</Link>
          {" - "}
          {body.taxCode ? (
            <>
              codice fiscale / P. IVA <code>{body.taxCode}</code>
            </>
          ) : (
            "codice fiscale non noto"
          )}
        </li>
      ))}
    </ul>
  );
}

export function MunicipalityMeetings({ meetings }: { meetings: MunicipalityDetail["meetings"] }) {
  if (meetings.length === 0) return <p>Nessun incontro pubblicato finora.</p>;
  return (
    <TableScroll label="Tabella delle risposte del Comune incontro per incontro">
      <table className="table align-top">
        <caption>Risposte del Comune agli incontri, dal più recente</caption>
        <thead>
          <tr>
            <th scope="col">Incontro</th>
            <th scope="col">Risposta</th>
            <th scope="col">Iscrizioni per il Comune</th>
            <th scope="col">Inviti ai gestori</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map(({ meeting, registrations, invitations, answered }) => (
            <tr key={meeting.id}>
              <th scope="row" className="fw-normal">
                <Link href={routes.dashboard.meeting(meeting.id).registrations()}>{meeting.title}</Link>
                <div className="small">
                  <RomeTime date={meeting.startsAt} format="date" />
                </div>
              </th>
              <td>
                {answered ? (
                  <span className="badge bg-success">Ha risposto</span>
                ) : registrations.some((registration) => registration.status !== "CANCELLED") ? (
                  <span className="badge bg-secondary">Solo enti gestori invitati</span>
                ) : registrations.length > 0 ? (
                  <span className="badge bg-secondary">Solo iscrizioni annullate</span>
                ) : (
                  <span className="badge bg-warning">Nessuna iscrizione</span>
                )}
              </td>
              <td>
                {registrations.length === 0 ? (
                  "Nessuna iscrizione"
                ) : (
                  <ul className="list-unstyled mb-0">
                    {registrations.map((registration) => (
                      <li key={registration.id}>
                        <PersonLink person={registration.person} /> - {REGISTRATION_STATUS_LABELS[registration.status]}
                        {registration.attendance
                          ? `, ${ATTENDANCE_LABELS[registration.attendance.status].toLowerCase()}`
                          : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {invitations.length === 0 ? (
                  "Nessuno"
                ) : (
                  <ul className="list-unstyled mb-0">
                    {invitations.map((invitation) => (
                      <li key={invitation.id}>
                        {invitation.firstName} {invitation.lastName} ({invitation.managingBodyName}) -{" "}
                        {INVITATION_STATUS_LABELS[invitation.status]}
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
