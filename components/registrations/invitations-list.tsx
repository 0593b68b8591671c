import { INVITATION_STATUS_LABELS } from "@/lib/registrations/labels";
import type { PersonalRegistration } from "@/lib/registrations/queries";

/** The representatives this registrant invited, and where each invitation stands. */
export function InvitationsList({ invitations }: { invitations: PersonalRegistration["invitationsSent"] }) {
  if (invitations.length === 0) return <p>Non hai ancora invitato nessun rappresentante.</p>;
  return (
    <ul className="list-unstyled">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="mb-3">
          <span className="fw-semibold">
            {invitation.firstName} {invitation.lastName}
          </span>{" "}
          ({invitation.managingBodyName}), {invitation.email}
          <br />
          <span className="small">Stato: {INVITATION_STATUS_LABELS[invitation.status]}</span>
        </li>
      ))}
    </ul>
  );
}
