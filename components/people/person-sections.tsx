import Link from "next/link";
import { DeliveryStateBadge } from "@/components/email/undeliverable-badge";
import { AuditChanges } from "@/components/audit/audit-changes";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { auditActionLabel, auditActorName, auditEntityLabel } from "@/lib/audit/labels";
import { EMAIL_STATUS_LABELS, EMAIL_TEMPLATE_LABELS } from "@/lib/email/labels";
import { REFERENT_ROLE_LABELS, REFERENT_SOURCE_LABELS, REFERENT_STATUS_LABELS, SHEET_STATUS_LABELS } from "@/lib/referents/labels";
import type { PersonRecords } from "@/lib/people/queries";
import { INVITATION_STATUS_LABELS } from "@/lib/registrations/labels";
import { routes } from "@/lib/routes";

export function None({ children }: { children: string }) {
  return <p>{children}</p>;
}

export function MunicipalityLink({ municipality }: { municipality: { id: string; name: string } }) {
  return <Link href={routes.dashboard.municipality(municipality.id)}>{municipality.name}</Link>;
}

export function PersonInvitations({ invitations }: { invitations: PersonRecords["invitations"] }) {
  if (invitations.length === 0) return <None>Nessun invito ricevuto.</None>;
  return (
    <TableScroll label="Tabella degli inviti ricevuti">
      <table className="table align-top">
        <caption>Inviti ricevuti come rappresentante di un ente gestore</caption>
        <thead>
          <tr>
            <th scope="col">Incontro</th>
            <th scope="col">Ente gestore</th>
            <th scope="col">Invitata da</th>
            <th scope="col">Stato</th>
            <th scope="col">Inviato</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="fw-normal">
                <Link href={routes.dashboard.meeting(invitation.meeting.id).invitations()}>{invitation.meeting.title}</Link>
              </th>
              <td>
                {invitation.managingBodyName}
                {invitation.municipality ? (
                  <div className="small">
                    per <MunicipalityLink municipality={invitation.municipality} />
                  </div>
                ) : null}
              </td>
              <td>
                {invitation.invitedBy ? (
                  <Link href={routes.dashboard.person(invitation.invitedBy.person.id)}>
                    {invitation.invitedBy.person.firstName} {invitation.invitedBy.person.lastName}
                  </Link>
                ) : (
                  "Il coordinamento"
                )}
              </td>
              <td>{INVITATION_STATUS_LABELS[invitation.status]}</td>
              <td>
                <RomeTime date={invitation.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function PersonReferents({ referents }: { referents: PersonRecords["referents"] }) {
  if (referents.length === 0) return <None>Nessuna designazione come referente.</None>;
  return (
    <TableScroll label="Tabella delle designazioni come referente">
      <table className="table align-top">
        <caption>Designazioni come referente di un Comune</caption>
        <thead>
          <tr>
            <th scope="col">Comune</th>
            <th scope="col">Ruolo</th>
            <th scope="col">Stato</th>
            <th scope="col">Origine</th>
            <th scope="col">Dettagli</th>
          </tr>
        </thead>
        <tbody>
          {referents.map((referent) => (
            <tr key={referent.id}>
              <th scope="row" className="fw-normal">
                <MunicipalityLink municipality={referent.municipality} />
              </th>
              <td>
                {REFERENT_ROLE_LABELS[referent.role]}
                {referent.office ? <div className="small">{referent.office}</div> : null}
              </td>
              <td>
                {REFERENT_STATUS_LABELS[referent.status]}
                <div className="small">
                  {referent.revokedAt ? (
                    <>
                      il <RomeTime date={referent.revokedAt} format="date" />
                      {referent.revokedReason ? ` - ${referent.revokedReason}` : ""}
                    </>
                  ) : (
                    <>
                      dal <RomeTime date={referent.activatedAt} format="date" />
                    </>
                  )}
                </div>
              </td>
              <td>{REFERENT_SOURCE_LABELS[referent.source]}</td>
              <td>
                <Link href={routes.dashboard.referent(referent.id)}>
                  Apri<span className="visually-hidden"> la designazione per {referent.municipality.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function PersonSheets({ sheets, entries }: { sheets: PersonRecords["sheetsAsOfficer"]; entries: PersonRecords["sheetEntries"] }) {
  if (sheets.length === 0 && entries.length === 0) return <None>Non compare in nessuna scheda referenti.</None>;
  const rows = [
    ...sheets.map((sheet) => ({ id: sheet.id, key: `o-${sheet.id}`, municipality: sheet.municipality, status: sheet.status, submittedAt: sheet.submittedAt, as: "Ha compilato la scheda" })),
    ...entries.map((entry) => ({
      id: entry.sheet.id,
      key: `e-${entry.id}`,
      municipality: entry.sheet.municipality,
      status: entry.sheet.status,
      submittedAt: entry.sheet.submittedAt,
      as: `Indicata come referente (${REFERENT_ROLE_LABELS[entry.role].toLowerCase()})`,
    })),
  ];
  return (
    <TableScroll label="Tabella delle schede referenti">
      <table className="table align-top">
        <caption>Schede referenti in cui compare</caption>
        <thead>
          <tr>
            <th scope="col">Comune</th>
            <th scope="col">Come</th>
            <th scope="col">Stato della scheda</th>
            <th scope="col">Inviata</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="fw-normal">
                <MunicipalityLink municipality={row.municipality} />
              </th>
              <td>{row.as}</td>
              <td>
                <Link href={routes.dashboard.referentSheet(row.id)}>{SHEET_STATUS_LABELS[row.status]}</Link>
              </td>
              <td>
                <RomeTime date={row.submittedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function PersonEmails({ emails }: { emails: PersonRecords["emails"] }) {
  if (emails.length === 0) return <None>Nessuna email.</None>;
  return (
    <TableScroll label="Tabella delle email alla persona">
      <table className="table align-top">
        <caption>Email, dalla più recente (il contenuto non è mostrato)</caption>
        <thead>
          <tr>
            <th scope="col">Messaggio</th>
            <th scope="col">Stato</th>
            <th scope="col">Creato</th>
            <th scope="col">Inviato</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((email) => (
            <tr key={email.id}>
              <th scope="row" className="fw-normal">
                {EMAIL_TEMPLATE_LABELS[email.template as keyof typeof EMAIL_TEMPLATE_LABELS] ?? email.template}
              </th>
              <td>
                {EMAIL_STATUS_LABELS[email.status]}
                {email.lastError ? <div className="small">{email.lastError}</div> : null}
                <DeliveryStateBadge state={email.deliveryState} at={email.deliveryStateAt} />
              </td>
              <td>
                <RomeTime date={email.createdAt} />
              </td>
              <td>{email.sentAt ? <RomeTime date={email.sentAt} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function PersonAudit({ entries }: { entries: PersonRecords["audit"] }) {
  if (entries.length === 0) return <None>Nessuna attività registrata sui suoi record.</None>;
  return (
    <TableScroll label="Tabella delle attività sui record della persona">
      <table className="table align-top">
        <caption>Registro attività sui suoi record, dalla più recente</caption>
        <thead>
          <tr>
            <th scope="col">Quando</th>
            <th scope="col">Chi</th>
            <th scope="col">Azione</th>
            <th scope="col">Record</th>
            <th scope="col">Modifiche</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <RomeTime date={entry.createdAt} />
              </td>
              <td>{auditActorName(entry)}</td>
              <th scope="row" className="fw-normal">
                {auditActionLabel(entry.action)}
              </th>
              <td>{auditEntityLabel(entry.entityType)}</td>
              <td>
                <AuditChanges data={entry.data} entityType={entry.entityType} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
