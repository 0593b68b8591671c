import type { Metadata } from "next";
import Link from "next/link";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { notFound } from "next/navigation";
import { InvitationCommands } from "@/components/invitations/dashboard/invitation-commands";
import { InvitationFilters, InvitationsPagination } from "@/components/invitations/dashboard/invitation-filters";
import { InvitationsTable } from "@/components/invitations/dashboard/invitations-table";
import { InviteOnBehalfForm } from "@/components/invitations/dashboard/invite-on-behalf-form";
import { MANAGING_BODIES_LIST_ID, ManagingBodiesDatalist } from "@/components/registrations/managing-bodies-datalist";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { getDashboardMeetingHeading } from "@/lib/dashboard/queries";
import { inviteOnBehalfAction, resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/dashboard/actions";
import { listInvitations, listInvitingRegistrations, type InvitationRow } from "@/lib/invitations/dashboard/queries";
import { parseInvitationFilters } from "@/lib/invitations/dashboard/schema";
import { listManagingBodyNames } from "@/lib/managing-bodies/queries";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Inviti della convocazione" };

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MeetingInvitationsPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const meeting = await getDashboardMeetingHeading(db(), id);
  if (!meeting) notFound();
  // The meeting comes from the path, not from the query string.
  const filters = { ...parseInvitationFilters(await searchParams), meeting: undefined };
  const path = routes.dashboard.meeting(meeting.id).invitations();
  const writer = can(user.role, "write");
  const open = registrationWindow(meeting, new Date()).state === "open";
  const [list, inviters, bodyNames, municipalities] = await Promise.all([
    listInvitations(db(), { ...filters, meeting: meeting.id }),
    writer && open ? listInvitingRegistrations(db(), meeting.id) : Promise.resolve([]),
    writer && open ? listManagingBodyNames(db()) : Promise.resolve([]),
    writer && open ? listMunicipalitiesForSelect(db()) : Promise.resolve([]),
  ]);
  const commands = writer
    ? (row: InvitationRow) => (
        <InvitationCommands
          resend={row.canResend ? resendInvitationAction.bind(null, row.id) : null}
          revoke={row.canRevoke ? revokeInvitationAction.bind(null, row.id) : null}
          context={`a ${row.invitee.name}`}
        />
      )
    : undefined;

  return (
    <>
      <nav aria-label="Percorso" className="mb-2">
        <Link href={routes.dashboard.meeting(meeting.id).page()}>&larr; {meeting.title}</Link>
      </nav>
      <h1>Inviti agli enti gestori</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />.
      </p>
      <MeetingTabs meetingId={meeting.id} current="inviti" />
      <InvitationFilters path={path} filters={filters} stateCounts={list.stateCounts} />
      <InvitationsTable list={list} caption={`Inviti per ${meeting.title}, dal più recente`} showMeeting={false} commands={commands} />
      <InvitationsPagination path={path} filters={filters} page={list.page} pages={list.pages} total={list.total} />

      {writer ? (
        <section aria-labelledby="invito-per-conto-titolo" className="mt-5">
          <h2 id="invito-per-conto-titolo">Invita un rappresentante di ente gestore</h2>
          {!open ? (
            <p>Le iscrizioni a questo incontro non sono aperte: non è possibile inviare nuovi inviti.</p>
          ) : (
            <>
              <p>
                Quando un iscritto ti segnala (per telefono o per email) un rappresentante di ente gestore da invitare,
                scegli l&apos;iscritto: riceverà lo stesso invito personale che avrebbe ricevuto dalla pagina
                dell&apos;iscritto, a nome di quest&apos;ultimo. Altrimenti l&apos;invito parte direttamente dalla segreteria
                del Coordinamento, per il Comune che indichi. Il registro attività conserva chi lo ha inserito.
              </p>
              <ManagingBodiesDatalist names={bodyNames} />
              <InviteOnBehalfForm
                action={inviteOnBehalfAction.bind(null, meeting.id)}
                inviters={inviters}
                municipalityGroups={groupByProvince(municipalities)}
                managingBodiesListId={MANAGING_BODIES_LIST_ID}
              />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
