import Link from "next/link";
import { Icon } from "@/components/ui/icon";
import { formatShortDateWithArticle, formatTime } from "@/lib/platform/format/dates";
import type { PublicMeeting } from "@/lib/meetings/queries";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { seatsText, type SeatsLeft } from "@/lib/registrations/seats";
import { routes } from "@/lib/routes";

type RegistrationBoxProps = {
  meeting: Pick<
    PublicMeeting,
    "slug" | "status" | "mode" | "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt"
  >;
  now: Date;
  /** Seats left, counted on the server; undefined where nobody registers (the editor's preview). */
  seats?: SeatsLeft;
};

/** "l'8 dicembre 2026 alle ore 11:20", "al 24 marzo 2022 alle ore 15:00" */
function dayAndTime(date: Date, preposition: "" | "a" = ""): string {
  return `${formatShortDateWithArticle(date, preposition)} alle ore ${formatTime(date)}`;
}

/** The call to action, following the registration window (Europe/Rome). */
export function RegistrationBox({ meeting, now, seats }: RegistrationBoxProps) {
  const registration = registrationWindow(meeting, now);
  const ended = now >= meeting.endsAt;
  const online = meeting.mode !== "IN_PERSON";

  return (
    <section className="card card-bg p-4 mb-4" aria-labelledby="iscrizione">
      <h2 id="iscrizione" className="h4">
        Iscrizione
      </h2>
      {registration.state === "open" ? (
        <>
          <p>
            Le iscrizioni sono aperte fino {dayAndTime(meeting.registrationClosesAt ?? meeting.startsAt, "a")}.
          </p>
          {seats !== undefined && seatsText(seats) ? <p className="fw-semibold">{seatsText(seats)}</p> : null}
          <Link className="btn btn-primary" href={routes.public.meeting(meeting.slug).registration()}>
            {seats === 0 ? "Iscriviti alla lista d'attesa" : "Iscriviti"}
          </Link>
        </>
      ) : null}
      {registration.state === "not-yet-open" ? (
        <p className="fw-semibold">Le iscrizioni apriranno {dayAndTime(registration.opensAt)}.</p>
      ) : null}
      {registration.state === "closed" ? (
        <>
          <p className="fw-semibold mb-1">Iscrizioni chiuse</p>
          <p>{ended ? "L'incontro si è già svolto." : "Il termine per iscriversi a questo incontro è scaduto."}</p>
        </>
      ) : null}
      {registration.state === "cancelled" ? (
        <p className="fw-semibold">Iscrizioni chiuse: la convocazione è stata annullata.</p>
      ) : null}
      {online && registration.state !== "cancelled" && !ended ? (
        <p className="mt-3 mb-0">
          Il link di collegamento alla piattaforma sarà inviato prima dell&apos;incontro agli iscritti.
        </p>
      ) : null}
      {registration.state !== "cancelled" ? (
        <p className="mt-3 mb-0">
          <a href={routes.public.meeting(meeting.slug).calendar()}>
            <Icon name="it-calendar" className="icon-sm icon-primary me-1" />
            Aggiungi al calendario (.ics)
          </a>
        </p>
      ) : null}
    </section>
  );
}
