// Who invited a gestore: a registrant who nominated them (the usual way, as the
// letter asks municipalities to do), or a coordinator directly from the
// dashboard. One reading for the email, the invitation page and the dashboard.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Province } from "@/lib/generated/prisma/enums";

export const DIRECT_INVITER_ORGANISATION = "ANCI Sicilia - segreteria del Coordinamento";
const DIRECT_INVITER_NAME = "La segreteria del Coordinamento";

export const inviterSelect = {
  invitedBy: {
    select: {
      organisationName: true,
      person: { select: { firstName: true, lastName: true, email: true } },
      municipality: { select: { name: true, province: true } },
    },
  },
  invitedByUser: { select: { name: true, email: true } },
  municipality: { select: { name: true, province: true } },
} satisfies Prisma.InvitationSelect;

type InviterRow = Prisma.InvitationGetPayload<{ select: typeof inviterSelect }>;

export type Inviter = {
  name: string;
  email: string | null;
  /** "Comune di Palermo", the registrant's organisation, or ANCI Sicilia for a direct invitation. */
  organisation: string | null;
  /** The municipality whose SAI projects the gestore runs: named by the coordinator, else the inviter's. */
  municipality: { name: string; province: Province } | null;
  direct: boolean;
};

export function describeInviter(row: InviterRow): Inviter {
  const { invitedBy, invitedByUser } = row;
  if (invitedBy) {
    return {
      name: `${invitedBy.person.firstName} ${invitedBy.person.lastName}`,
      email: invitedBy.person.email,
      organisation: invitedBy.municipality ? `Comune di ${invitedBy.municipality.name}` : invitedBy.organisationName,
      municipality: row.municipality ?? invitedBy.municipality,
      direct: false,
    };
  }
  return {
    name: invitedByUser?.name ? `${invitedByUser.name} (${DIRECT_INVITER_NAME.toLowerCase()})` : DIRECT_INVITER_NAME,
    email: invitedByUser?.email ?? null,
    organisation: DIRECT_INVITER_ORGANISATION,
    municipality: row.municipality,
    direct: true,
  };
}
