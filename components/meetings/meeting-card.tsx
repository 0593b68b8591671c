import Link from "next/link";
import { Icon } from "@/components/ui/icon";
import { RomeTime } from "@/components/ui/rome-time";
import { formatShortDateWithArticle } from "@/lib/platform/format/dates";
import { describeMode, KIND_LABELS } from "@/lib/meetings/labels";
import type { MeetingSummary } from "@/lib/meetings/queries";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { FULL_MESSAGE, seatsText, type SeatsLeft } from "@/lib/registrations/seats";
import { routes } from "@/lib/routes";

type MeetingCardProps = {
  meeting: MeetingSummary;
  now: Date;
  /** Seats left, counted on the server from confirmed registrations. */
  seats?: SeatsLeft;
};

function registrationNote(meeting: MeetingSummary, now: Date, seats: SeatsLeft): string | null {
  if (now >= meeting.endsAt) return null;
  const registration = registrationWindow(meeting, now);
  if (registration.state === "open") return seats === 0 ? FULL_MESSAGE : ["Iscrizioni aperte", seatsText(seats)].filter(Boolean).join(" - ");
  if (registration.state === "not-yet-open") return `Iscrizioni ${formatShortDateWithArticle(registration.opensAt, "da")}`;
  if (registration.state === "closed") return "Iscrizioni chiuse";
  return null;
}

export function MeetingCard({ meeting, now, seats = null }: MeetingCardProps) {
  const cancelled = meeting.status === "CANCELLED";
  const note = registrationNote(meeting, now, seats);
  return (
    <article className="card-wrapper card-space">
      <div className="card card-bg">
        <div className="card-body">
          <div className="category-top d-flex align-items-center gap-2">
            <span className="category">{KIND_LABELS[meeting.kind]}</span>
            {cancelled ? <span className="badge bg-danger">Annullato</span> : null}
          </div>
          <h3 className="card-title h5">
            <Link href={routes.public.meeting(meeting.slug).page()}>{meeting.title}</Link>
          </h3>
          <p className="card-text mb-1">
            <Icon name="it-calendar" className="icon-sm me-1" />
            <RomeTime date={meeting.startsAt} end={meeting.endsAt} />
          </p>
          <p className="card-text mb-1">
            <Icon name={meeting.mode === "IN_PERSON" ? "it-map-marker" : "it-video"} className="icon-sm me-1" />
            {describeMode(meeting)}
          </p>
          {note && !cancelled ? <p className="card-text fw-semibold mb-0">{note}</p> : null}
        </div>
      </div>
    </article>
  );
}
