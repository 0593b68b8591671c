// What each registration email needs, gathered inside the transaction that
// causes it: the row is written with everything the template will render.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import { describeInviter } from "@/lib/invitations/inviter";
import { joinUrlForConfirmation } from "@/lib/join-link/queries";
import { describeMode } from "@/lib/meetings/labels";
import { meetingIcs } from "@/lib/meetings/ics";
import { appOrigin } from "@/lib/site";
import { routes } from "@/lib/routes";
import type { emailMeetingSelect } from "./queries";
import { answeredInvitationForEmail, invitationForEmail, registrationForEmail, registrationStatus } from "./queries";

export function personalUrl(token: string) {
  return `${appOrigin()}${routes.personal(token).page()}`;
}

export function invitationUrl(token: string) {
  return `${appOrigin()}${routes.invitation(token).page()}`;
}


type MeetingFields = Prisma.MeetingGetPayload<{ select: typeof emailMeetingSelect }>;

function meetingData(meeting: MeetingFields, personalPageUrl: string | null = null) {
  const pageUrl = `${appOrigin()}${routes.public.meeting(meeting.slug).page()}`;
  return {
    meetingTitle: meeting.title,
    when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
    where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
    meetingUrl: pageUrl,
    ics: meetingIcs(meeting, pageUrl, new Date(), { personalUrl: personalPageUrl }),
  };
}

export type RegistrationTemplate =
  | "registration-confirmed"
  | "registration-waitlisted"
  | "registration-promoted"
  | "registration-cancelled";

export async function registrationEmail(
  tx: Tx,
  { registrationId, token, template }: { registrationId: string; token: string | null; template: RegistrationTemplate },
) {
  const registration = await registrationForEmail(tx, registrationId);
  const { person, meeting } = registration;
  // A confirmation after the link went out carries it (lib/join-link); before, the link's own send will.
  const carriesLink = template === "registration-confirmed" || template === "registration-promoted";
  const joinUrl = carriesLink ? await joinUrlForConfirmation(tx, meeting.id) : null;
  return registrationEmailOf({ registrationId: registration.id, person, meeting, token, template, joinUrl });
}

/**
 * The same email from rows already in hand (registering has read them), with
 * the join link when it has already gone out to the others: no query.
 */
export function registrationEmailOf({
  registrationId,
  person,
  meeting,
  token,
  template,
  joinUrl,
}: {
  registrationId: string;
  person: { email: string; firstName: string; lastName: string };
  meeting: MeetingFields;
  token: string | null;
  template: RegistrationTemplate;
  joinUrl: string | null;
}) {
  return {
    template,
    toEmail: person.email,
    toName: `${person.firstName} ${person.lastName}`,
    meetingId: meeting.id,
    registrationId,
    data: {
      recipientName: person.firstName,
      ...meetingData(meeting, token ? personalUrl(token) : null),
      personalUrl: token ? personalUrl(token) : null,
      ...(joinUrl ? { joinUrl } : {}),
    },
  } as const;
}

export async function personalLinkEmail(tx: Tx, { registrationId, token }: { registrationId: string; token: string }) {
  const email = await registrationEmail(tx, { registrationId, token, template: "registration-confirmed" });
  const status = await registrationStatus(tx, registrationId);
  return {
    ...email,
    template: "personal-link",
    data: { ...email.data, status: status === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED" },
  } as const;
}

export async function invitationEmail(tx: Tx, { invitationId, token }: { invitationId: string; token: string }) {
  const invitation = await invitationForEmail(tx, invitationId);
  return invitationEmailOf({ invitation, meeting: invitation.meeting, inviter: describeInviter(invitation), token });
}

export type EmailMeeting = MeetingFields;

/** The same email from rows already in hand (a registrant nominating as they register): no query. */
export function invitationEmailOf({
  invitation,
  meeting,
  inviter,
  token,
}: {
  invitation: { id: string; email: string; firstName: string; lastName: string; managingBodyName: string };
  meeting: MeetingFields;
  inviter: { name: string; organisation: string | null };
  token: string;
}) {
  return {
    template: "invitation",
    toEmail: invitation.email,
    toName: `${invitation.firstName} ${invitation.lastName}`,
    meetingId: meeting.id,
    invitationId: invitation.id,
    data: {
      recipientName: invitation.firstName,
      ...meetingData(meeting),
      inviterName: inviter.name,
      inviterOrganisation: inviter.organisation ?? "",
      managingBodyName: invitation.managingBodyName,
      invitationUrl: invitationUrl(token),
    },
  } as const;
}

/**
 * To the registrant who nominated a gestore: the nominee accepted or declined.
 * Null for a coordinator's direct invitation, which has no registrant to tell.
 */
export async function invitationAnsweredEmail(tx: Tx, { invitationId, answer }: { invitationId: string; answer: "ACCEPTED" | "DECLINED" }) {
  const invitation = await answeredInvitationForEmail(tx, invitationId);
  const { invitedBy } = invitation;
  if (!invitedBy) return null;
  return {
    template: "invitation-answered",
    toEmail: invitedBy.person.email,
    toName: `${invitedBy.person.firstName} ${invitedBy.person.lastName}`,
    meetingId: invitation.meeting.id,
    registrationId: invitedBy.id,
    invitationId: invitation.id,
    data: {
      recipientName: invitedBy.person.firstName,
      ...meetingData(invitation.meeting),
      inviteeName: `${invitation.firstName} ${invitation.lastName}`,
      managingBodyName: invitation.managingBodyName,
      accepted: answer === "ACCEPTED",
    },
  } as const;
}
