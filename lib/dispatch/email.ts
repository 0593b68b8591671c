// What a convocation email says, the same for the dispatch and for its
// preview on the dispatch page.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConvocationData } from "@/lib/email/schema";
import { protocolLabel } from "@/lib/meetings/letter";
import { letterFileName } from "@/lib/meetings/letter-pdf";
import { describeMode } from "@/lib/meetings/labels";
import { formatDateTime, formatDateTimeRange } from "@/lib/platform/format/dates";
import { BLANK_SHEET_FILENAME } from "@/lib/referents/sheets/blank-pdf";
import { routes } from "@/lib/routes";
import { appOrigin } from "@/lib/site";
import type { Recipient } from "./audiences";

export const convocationMeetingSelect = {
  slug: true,
  title: true,
  subject: true,
  protocolNumber: true,
  startsAt: true,
  endsAt: true,
  mode: true,
  platform: true,
  venueName: true,
  venueAddress: true,
  registrationClosesAt: true,
} satisfies Prisma.MeetingSelect;

type ConvocationMeeting = Prisma.MeetingGetPayload<{ select: typeof convocationMeetingSelect }>;

/** What every recipient's email says of the meeting, formatted once. */
export function convocationCommonData(meeting: ConvocationMeeting): Omit<ConvocationData, "addressee" | "unsubscribeUrl"> {
  const origin = appOrigin();
  const page = routes.public.meeting(meeting.slug);
  return {
    meetingTitle: meeting.title,
    when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
    where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
    meetingUrl: `${origin}${page.page()}`,
    subject: meeting.subject.replace(/\*\*/g, "").replace(/\s+/g, " ").trim(),
    protocol: meeting.protocolNumber ? protocolLabel(meeting.protocolNumber) : null,
    registrationUrl: `${origin}${page.registration()}`,
    closesAt: formatDateTime(meeting.registrationClosesAt ?? meeting.startsAt),
    referentSheetUrl: `${origin}${routes.referentSheet()}`,
    attachmentNames: [letterFileName(meeting.slug), BLANK_SHEET_FILENAME],
  };
}

/** A Comune is addressed as the letter addresses it; a person by name. */
export function addresseeOf(recipient: Pick<Recipient, "channel" | "name">): string {
  return recipient.channel === "PEC" ? `Al ${recipient.name}` : `Gentile ${recipient.name}`;
}

/**
 * Only who is reached because they consented (and for no other reason) may
 * stop it: a referent or a Comune is convened whatever their consent says.
 */
export function wantsUnsubscribeLink(recipient: Pick<Recipient, "personId" | "audiences">): boolean {
  return recipient.personId !== null && recipient.audiences.length > 0 && recipient.audiences.every((audience) => audience === "CONSENTED");
}
