import Link from "next/link";
import { MeetingFacts } from "@/components/meetings/meeting-facts";
import { Icon } from "@/components/ui/icon";
import type { PersonalMeeting } from "@/lib/registrations/queries";
import { routes } from "@/lib/routes";

type MeetingSummaryProps = {
  meeting: Pick<
    PersonalMeeting,
    "slug" | "title" | "kind" | "startsAt" | "endsAt" | "mode" | "platform" | "venueName" | "venueAddress" | "capacity"
  >;
  headingLevel?: 2 | 3;
};

/** The meeting a form or a personal page is about: what, when, how, with a link to the convocation. */
export function MeetingSummary({ meeting, headingLevel = 2 }: MeetingSummaryProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card card-bg p-4 mb-5" aria-labelledby="incontro">
      <Heading id="incontro" className="h4">
        L&apos;incontro
      </Heading>
      <p className="fw-semibold">
        <Link href={routes.public.meeting(meeting.slug).page()}>{meeting.title}</Link>
      </p>
      <MeetingFacts meeting={{ ...meeting, capacity: null }} />
    </section>
  );
}

/** The public calendar file, or with `token` the registration's own, which also gives the personal page. */
export function CalendarLink({ slug, token }: { slug: string; token?: string }) {
  return (
    <a href={token ? routes.personal(token).calendar() : routes.public.meeting(slug).calendar()}>
      <Icon name="it-calendar" className="icon-sm icon-primary me-1" />
      Aggiungi al calendario (.ics)
    </a>
  );
}
