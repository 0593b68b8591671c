// The meeting as a message names it: the placeholders {incontro}, {data},
// {luogo} and the facts under the text. The same words in the preview and
// in the email.
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import type { MeetingMode } from "@/lib/generated/prisma/enums";
import { describeMode } from "@/lib/meetings/labels";
import type { PlaceholderValues } from "./placeholders";

type MeetingForFacts = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: MeetingMode;
  platform: string | null;
  venueName: string | null;
  venueAddress: string | null;
};

export function meetingFacts(meeting: MeetingForFacts): Omit<PlaceholderValues, "firstName" | "lastName"> {
  return {
    meetingTitle: meeting.title,
    when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
    where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
  };
}
