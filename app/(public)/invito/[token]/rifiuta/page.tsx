import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { DeclineInvitationForm } from "@/components/invitations/decline-invitation-form";
import { MeetingSummary } from "@/components/registrations/meeting-summary";
import { declineInvitationAction } from "@/lib/invitations/actions";
import { getInvitationByToken } from "@/lib/invitations/queries";
import { tokenSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Conferma che non potrai partecipare",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type PageProps = { params: Promise<{ token: string }> };

/** The step before declining: a page of its own, so the confirmation works without JavaScript. */
export default async function DeclineInvitationPage({ params }: PageProps) {
  const token = tokenSegment((await params).token);
  const view = await getInvitationByToken(db(), { token });
  if (!view) notFound();
  // Answered or expired: the invitation's page says how it stands.
  if (view.state !== "open") redirect(routes.invitation(token).page());
  const { invitation, meeting } = view;

  return (
    <PublicPage lastUpdated={meeting.updatedAt}>
      <h1 className="mb-4">Confermi che non potrai partecipare?</h1>
      <p className="lead">
        {invitation.firstName} {invitation.lastName}, stai per comunicare che non potrai partecipare all&apos;incontro in
        rappresentanza di {invitation.managingBodyName}. Chi ti ha invitato riceverà un&apos;email.
      </p>
      <MeetingSummary meeting={meeting} />
      <p>Se cambi idea potrai ancora accettare l&apos;invito dallo stesso link, finché le iscrizioni sono aperte.</p>
      <DeclineInvitationForm action={declineInvitationAction.bind(null, token)} backHref={routes.invitation(token).page()} />
    </PublicPage>
  );
}
