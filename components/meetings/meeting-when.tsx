import { RomeTime } from "@/components/ui/rome-time";

type MeetingWhenProps = {
  meeting: { startsAt: Date; endsAt: Date; datesPending?: boolean };
};

/** When a meeting takes place, in Rome time; a duplicate still waiting for its own dates says so instead of showing its placeholders. */
export function MeetingWhen({ meeting }: MeetingWhenProps) {
  if (meeting.datesPending) return <>data da definire</>;
  return <RomeTime date={meeting.startsAt} end={meeting.endsAt} />;
}
