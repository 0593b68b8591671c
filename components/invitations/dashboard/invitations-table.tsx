import Link from "next/link";
import type { ReactNode } from "react";
import { RomeTime } from "@/components/ui/rome-time";
import { EMAIL_STATUS_LABELS } from "@/lib/email/labels";
import type { InvitationList, InvitationRow } from "@/lib/invitations/dashboard/queries";
import { INVITATION_STATE_BADGES, INVITATION_STATE_LABELS } from "@/lib/invitations/dashboard/schema";
import { TableScroll } from "@/components/ui/table-scroll";
import { routes } from "@/lib/routes";

type Props = {
  list: InvitationList;
  caption: string;
  /** The overall list names each invitation's meeting; a meeting's own list does not. */
  showMeeting: boolean;
  /** The row's commands for users who may write; absent for read-only users. */
  commands?: (row: InvitationRow) => ReactNode;
};

export function InvitationStateBadge({ row }: { row: InvitationRow }) {
  return <span className={`badge ${INVITATION_STATE_BADGES[row.state]}`}>{INVITATION_STATE_LABELS[row.state]}</span>;
}

/** Who nominated whom, for which municipality and ente gestore, and where each invitation stands. */
export function InvitationsTable({ list, caption, showMeeting, commands }: Props) {
  if (list.rows.length === 0) {
    return <p className="alert alert-info">Nessun invito corrisponde ai criteri scelti.</p>;
  }
  return (
    <TableScroll label="Tabella degli inviti">
      <table className="table table-sm align-top">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Invitato/a</th>
            <th scope="col">Ente gestore</th>
            <th scope="col">Invitato/a da</th>
            <th scope="col">Comune</th>
            {showMeeting ? <th scope="col">Convocazione</th> : null}
            <th scope="col">Stato</th>
            <th scope="col">Ultimo invio</th>
            {commands ? <th scope="col">Azioni</th> : null}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="fw-normal">
                <span className="fw-semibold">{row.invitee.name}</span>
                <br />
                <span className="small text-break">{row.invitee.email}</span>
              </th>
              <td>{row.managingBodyName}</td>
              <td>
                {row.inviter.name}
                {row.inviter.organisation ? (
                  <>
                    <br />
                    <span className="small">{row.inviter.organisation}</span>
                  </>
                ) : null}
              </td>
              <td>{row.municipality ? `${row.municipality.name} (${row.municipality.province})` : <span className="text-muted">—<span className="visually-hidden">nessun Comune</span></span>}</td>
              {showMeeting ? (
                <td>
                  <Link href={routes.dashboard.meeting(row.meeting.id).invitations()}>{row.meeting.title}</Link>
                  <br />
                  <span className="small">
                    <RomeTime date={row.meeting.startsAt} format="date" />
                  </span>
                </td>
              ) : null}
              <td>
                <InvitationStateBadge row={row} />
                {row.respondedAt && (row.state === "ACCEPTED" || row.state === "DECLINED") ? (
                  <span className="d-block small mt-1">
                    il <RomeTime date={row.respondedAt} />
                  </span>
                ) : null}
                {row.state === "SENT" ? (
                  <span className="d-block small mt-1">
                    valido fino al <RomeTime date={row.expiresAt} format="date" />
                  </span>
                ) : null}
              </td>
              <td className="small">
                {row.lastEmail ? (
                  <>
                    <RomeTime date={row.lastEmail.createdAt} />
                    <br />
                    Email: {EMAIL_STATUS_LABELS[row.lastEmail.status].toLowerCase()}
                  </>
                ) : (
                  <RomeTime date={row.createdAt} />
                )}
              </td>
              {commands ? <td>{commands(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
