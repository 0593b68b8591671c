import { RomeTime } from "@/components/ui/rome-time";
import { KIND_LABELS, MODE_LABELS } from "@/lib/meetings/labels";
import type { MeetingSheetData } from "@/lib/meetings/sheet";

type MeetingFactsProps = {
  meeting: Pick<
    MeetingSheetData,
    "kind" | "startsAt" | "endsAt" | "mode" | "platform" | "venueName" | "venueAddress" | "capacity"
  >;
};

/** When, how and where: what a reader looks for first. */
export function MeetingFacts({ meeting }: MeetingFactsProps) {
  const venue = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  const online = meeting.mode !== "IN_PERSON";
  return (
    <dl className="meeting-facts mb-0">
      <dt>Tipo di incontro</dt>
      <dd>{KIND_LABELS[meeting.kind]}</dd>
      <dt>Data e ora</dt>
      <dd>
        {meeting.startsAt ? (
          <>
            <RomeTime date={meeting.startsAt} end={meeting.endsAt ?? undefined} />
            <span className="visually-hidden"> (ora italiana)</span>
          </>
        ) : (
          "Da definire"
        )}
      </dd>
      <dt>Modalità</dt>
      <dd>
        {MODE_LABELS[meeting.mode]}
        {online && meeting.platform ? ` - piattaforma ${meeting.platform}` : null}
      </dd>
      {meeting.mode !== "ONLINE" && venue ? (
        <>
          <dt>Luogo</dt>
          <dd>{venue}</dd>
        </>
      ) : null}
      {meeting.capacity ? (
        <>
          <dt>Numero massimo di partecipanti</dt>
          <dd>{meeting.capacity}</dd>
        </>
      ) : null}
    </dl>
  );
}
