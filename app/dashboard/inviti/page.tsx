import type { Metadata } from "next";
import { InvitationCommands } from "@/components/invitations/dashboard/invitation-commands";
import { InvitationFilters, InvitationsPagination } from "@/components/invitations/dashboard/invitation-filters";
import { InvitationsTable } from "@/components/invitations/dashboard/invitations-table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/invitations/dashboard/actions";
import { listInvitations, listMeetingsWithInvitations, type InvitationRow } from "@/lib/invitations/dashboard/queries";
import { parseInvitationFilters } from "@/lib/invitations/dashboard/schema";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Inviti agli enti gestori" };

const PATH = routes.dashboard.invitations();

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvitationsPage({ searchParams }: PageProps) {
  const user = await guardPage("read");
  const filters = parseInvitationFilters(await searchParams);
  const [list, meetings] = await Promise.all([listInvitations(db(), filters), listMeetingsWithInvitations(db())]);
  const commands = can(user.role, "write")
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
      <h1>Inviti agli enti gestori</h1>
      <p className="lead">
        Tutti gli inviti inviati ai rappresentanti degli enti gestori: chi li ha indicati, per quale Comune ed ente, e a che
        punto sono. Un invito non accettato entro la fine dell&apos;incontro risulta scaduto.
      </p>
      <InvitationFilters path={PATH} filters={filters} stateCounts={list.stateCounts} meetings={meetings} />
      <InvitationsTable list={list} caption="Inviti agli enti gestori, dal più recente" showMeeting commands={commands} />
      <InvitationsPagination path={PATH} filters={filters} page={list.page} pages={list.pages} total={list.total} />
    </>
  );
}
