import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublicPage } from "@/components/layout/public-page";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { LinkProblem } from "@/components/registrations/link-problem";
import { MeetingSummary } from "@/components/registrations/meeting-summary";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { getInvitationByToken, type InvitationView } from "@/lib/invitations/queries";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { tokenSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// A personal link: never indexed, never sent to another site as a Referer (see next.config.mjs).
export const metadata: Metadata = {
  title: "Invito all'incontro",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type PageProps = { params: Promise<{ token: string }>; searchParams: Promise<{ rifiutato?: string }> };

/** Why this invitation cannot be answered any more (a declined one may still be accepted), or null when it can. */
function answeredNotice(view: InvitationView): { title: string; text: string; reopenable?: boolean } | null {
  if (view.state === "accepted") {
    return {
      title: "Invito già accettato",
      text: "Hai già accettato questo invito: trovi il link per gestire l'iscrizione nell'email di conferma.",
    };
  }
  if (view.existingRegistration && view.existingRegistration !== "CANCELLED") {
    return {
      title: "La tua iscrizione a questo incontro c'è già",
      text: "Non occorre accettare l'invito: per vedere o modificare l'iscrizione usa il link personale che hai ricevuto per email.",
    };
  }
  if (view.state === "declined") {
    return {
      title: "Hai risposto all'invito",
      text: "Grazie per averci avvisato: hai comunicato che non potrai partecipare a questo incontro.",
      reopenable: true,
    };
  }
  return null;
}

export default async function InvitationPage({ params, searchParams }: PageProps) {
  const token = tokenSegment((await params).token);
  const justDeclined = (await searchParams).rifiutato === "1";
  const view = await getInvitationByToken(db(), { token });
  if (!view) notFound();
  if (view.state === "expired") {
    return (
      <LinkProblem title="Invito scaduto" meeting={view.meeting}>
        <p>Questo invito è scaduto: non è più possibile rispondere.</p>
      </LinkProblem>
    );
  }
  const { invitation, inviter, meeting } = view;
  const notice = answeredNotice(view);
  const window = registrationWindow(meeting, new Date());
  // Whoever declined may change their mind while registrations are open.
  const declined = notice?.reopenable === true;
  const acceptable = !notice || declined;

  return (
    <PublicPage lastUpdated={meeting.updatedAt}>
      <h1 className="mb-4">Invito all&apos;incontro</h1>
      {notice ? (
        <div className={`alert ${declined && justDeclined ? "alert-success" : "alert-info"} mb-5`} role="status">
          <h2 className="h4">{notice.title}</h2>
          <p className="mb-0">{notice.text}</p>
        </div>
      ) : (
        <p className="lead">
          Gentile {invitation.firstName} {invitation.lastName}, {inviter.name}
          {inviter.organisation ? ` (${inviter.organisation})` : ""} ti ha indicato come rappresentante di {invitation.managingBodyName} e ti invita a
          partecipare all&apos;incontro del Coordinamento dei Comuni siciliani aderenti al SAI.
        </p>
      )}
      <MeetingSummary meeting={meeting} />

      {acceptable && window.state === "open" ? (
        <section className="mb-5" aria-labelledby="accetta">
          <h2 id="accetta" className="h3 mb-4">
            {declined ? "Hai cambiato idea? Puoi ancora partecipare" : "Conferma la partecipazione"}
          </h2>
          {declined ? <p>Finché le iscrizioni sono aperte puoi accettare l&apos;invito: chi ti ha invitato riceverà un&apos;email.</p> : null}
          <p>Abbiamo già compilato i dati che conosciamo: controllali e completa quelli mancanti.</p>
          <AcceptInvitationForm
            action={acceptInvitationAction.bind(null, token)}
            initialValues={{
              firstName: invitation.firstName,
              lastName: invitation.lastName,
              email: invitation.email,
              phone: "",
              roleTitle: "",
              organisationType: "ENTE_GESTORE",
              municipalityId: "",
              organisationName: invitation.managingBodyName,
              privacyConsent: false,
              communicationsConsent: false,
            }}
            municipalities={groupByProvince(await listMunicipalitiesForSelect(db()))}
            privacyVersion={PRIVACY_NOTICE_VERSION}
          />
        </section>
      ) : null}
      {!notice && window.state !== "open" ? (
        <div className="alert alert-warning mb-5">
          <p className="mb-0">
            {window.state === "cancelled"
              ? "La convocazione è stata annullata: non è possibile iscriversi."
              : "Le iscrizioni a questo incontro non sono aperte in questo momento."}
          </p>
        </div>
      ) : null}

      {!notice ? (
        <section className="mb-5" aria-labelledby="rifiuta">
          <h2 id="rifiuta" className="h3">
            Non puoi partecipare?
          </h2>
          <p>Comunicacelo: chi ti ha invitato saprà che non potrai essere presente.</p>
          <Link className="btn btn-outline-primary" href={routes.invitation(token).decline()}>
            Non potrò partecipare
          </Link>
        </section>
      ) : null}
    </PublicPage>
  );
}
