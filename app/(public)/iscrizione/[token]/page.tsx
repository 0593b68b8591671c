import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { CancelRegistrationForm } from "@/components/registrations/cancel-registration-form";
import { EditRegistrationForm } from "@/components/registrations/edit-registration-form";
import { InvitationsList } from "@/components/registrations/invitations-list";
import { LinkProblem } from "@/components/registrations/link-problem";
import { CalendarLink, MeetingSummary } from "@/components/registrations/meeting-summary";
import { ManagingBodiesDatalist } from "@/components/registrations/managing-bodies-datalist";
import { NominateForm } from "@/components/registrations/nominate-form";
import { listManagingBodyNames } from "@/lib/managing-bodies/queries";
import { RegistrationDetails } from "@/components/registrations/registration-details";
import { JoinLink, StatusCallout } from "@/components/registrations/status-callout";
import { registrationWindow } from "@/lib/meetings/registration-window";
import {
  cancelRegistrationAction,
  nominateAction,
  updateRegistrationAction,
} from "@/lib/registrations/actions";
import { getRegistrationByToken } from "@/lib/registrations/queries";
import { tokenSegment } from "@/lib/segments";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// A personal link: never indexed, never sent to another site as a Referer (see next.config.mjs).
export const metadata: Metadata = {
  title: "La tua iscrizione",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type PageProps = { params: Promise<{ token: string }> };

export default async function PersonalPage({ params }: PageProps) {
  const token = tokenSegment((await params).token);
  const now = new Date();
  const found = await getRegistrationByToken(db(), { token, now });
  if (!found) notFound();
  if (found.link === "expired") {
    return (
      <LinkProblem title="Link scaduto" meeting={found.meeting}>
        <p>Questo link personale è scaduto: i link restano validi fino a 30 giorni dopo l&apos;incontro.</p>
      </LinkProblem>
    );
  }
  const { registration } = found;
  const { meeting, person } = registration;
  const active = registration.status !== "CANCELLED";
  const ended = now >= meeting.endsAt;
  const canNominate = active && registrationWindow(meeting, now).state === "open";

  return (
    <PublicPage lastUpdated={registration.updatedAt}>
      <h1 className="mb-4">La tua iscrizione</h1>
      <StatusCallout registration={registration} />
      {registration.joinUrl ? <JoinLink joinUrl={registration.joinUrl} platform={meeting.platform} /> : null}
      {meeting.status === "CANCELLED" ? (
        <div className="alert alert-danger mb-5">
          <h2 className="h4">Convocazione annullata</h2>
          <p className="mb-0">{meeting.cancellationReason || "L'incontro non si terrà."}</p>
        </div>
      ) : null}

      <MeetingSummary meeting={meeting} />
      {active && meeting.status !== "CANCELLED" ? (
        <p className="mb-5">
          <CalendarLink slug={meeting.slug} token={token} />
        </p>
      ) : null}

      <section className="mb-5" aria-labelledby="dati">
        <h2 id="dati" className="h3">
          I tuoi dati
        </h2>
        <RegistrationDetails registration={registration} />
      </section>

      {active ? (
        <section className="mb-5" aria-labelledby="modifica-titolo">
          <h2 id="modifica-titolo" className="h3 mb-4">
            Modifica i tuoi dati
          </h2>
          <EditRegistrationForm
            action={updateRegistrationAction.bind(null, token)}
            initialValues={{
              firstName: person.firstName,
              lastName: person.lastName,
              phone: person.phone ?? "",
              roleTitle: registration.roleTitle ?? person.roleTitle ?? "",
              communicationsConsent: registration.communicationsConsent,
            }}
          />
        </section>
      ) : null}

      <section className="mb-5" aria-labelledby="inviti">
        <h2 id="inviti" className="h3">
          Rappresentanti degli enti gestori invitati
        </h2>
        <InvitationsList invitations={registration.invitationsSent} />
        {canNominate ? (
          <>
            <NominateForm action={nominateAction.bind(null, token)} />
            <ManagingBodiesDatalist names={await listManagingBodyNames(db())} />
          </>
        ) : null}
      </section>

      {active && !ended ? (
        <section className="mb-5" aria-labelledby="annulla">
          <h2 id="annulla" className="h3">
            Annulla l&apos;iscrizione
          </h2>
          <CancelRegistrationForm action={cancelRegistrationAction.bind(null, token)} confirmed={registration.status === "CONFIRMED"} />
        </section>
      ) : null}
    </PublicPage>
  );
}
