import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkActionsForm } from "@/components/registrations/dashboard/bulk-actions-form";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { MeetingBreadcrumb } from "@/components/registrations/dashboard/meeting-breadcrumb";
import { PaginationLinks } from "@/components/registrations/dashboard/pagination-links";
import { RegistrationCounts } from "@/components/registrations/dashboard/registration-counts";
import { RegistrationFilters } from "@/components/registrations/dashboard/registration-filters";
import { RegistrationsChart } from "@/components/registrations/dashboard/registrations-chart";
import { RegistrationsTable } from "@/components/registrations/dashboard/registrations-table";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { registrationsBulkAction } from "@/lib/registrations/dashboard/actions";
import { loadRegistrationsDashboard } from "@/lib/registrations/dashboard/queries";
import { parseRegistrationListParams, registrationListQuery, type SearchParams } from "@/lib/registrations/dashboard/schema";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Iscrizioni" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const STATUS_NOTES = {
  DRAFT: "La convocazione è in bozza: non è pubblica e non riceve iscrizioni.",
  CANCELLED: "La convocazione è stata annullata.",
  ARCHIVED: "La convocazione è archiviata.",
  PUBLISHED: null,
} as const;

export default async function MeetingRegistrationsPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const listParams = parseRegistrationListParams(await searchParams);
  const data = await loadRegistrationsDashboard(db(), { meetingId: id, ...listParams });
  if (!data) notFound();
  const { meeting, page, counts, perDay } = data;
  const canWrite = can(user.role, "write");
  // Adding someone makes sense only while the meeting is published and not over (the service refuses otherwise).
  const canAdd = canWrite && meeting.status === "PUBLISHED" && meeting.endsAt > new Date();
  const path = routes.dashboard.meeting(meeting.id).registrations();
  // The export takes the table's search, filters and sort, and every page.
  const exportQuery = registrationListQuery(page.params, { page: 1 });
  exportQuery.delete("righe");
  const exportHref = (format: "csv" | "xlsx") => `${routes.dashboard.meeting(meeting.id).registrationsExport()}?${new URLSearchParams([["formato", format], ...exportQuery]).toString()}`;
  const note = STATUS_NOTES[meeting.status];
  const attendanceOnly = meeting.status === "CANCELLED";
  const table = <RegistrationsTable page={page} path={path} canWrite={canWrite} attendanceOnly={attendanceOnly} />;

  return (
    <>
      <MeetingBreadcrumb meetingId={meeting.id} meetingTitle={meeting.title} trail={[{ label: "Iscrizioni" }]} />
      <h1>Iscrizioni</h1>
      <p className="lead mb-1">{meeting.title}</p>
      <p>
        <MeetingWhen meeting={meeting} />
      </p>
      <MeetingTabs meetingId={meeting.id} current="iscrizioni" />
      {note ? <div className="alert alert-info">{note}</div> : null}

      <div className="d-flex flex-wrap gap-2 mb-4">
        {canAdd ? (
          <Link href={routes.dashboard.meeting(meeting.id).newRegistration()} className="btn btn-primary">
            Iscrivi una persona
          </Link>
        ) : null}
        <a href={exportHref("csv")} className="btn btn-outline-primary" download>
          Esporta CSV<span className="visually-hidden"> (iscrizioni filtrate)</span>
        </a>
        <a href={exportHref("xlsx")} className="btn btn-outline-primary" download>
          Esporta Excel (XLSX)<span className="visually-hidden"> (iscrizioni filtrate)</span>
        </a>
      </div>

      {/* The list first, under its folded filters; the figures after it. */}
      <RegistrationFilters path={path} params={page.params} />

      <section aria-labelledby="elenco-titolo">
        <h2 id="elenco-titolo" className="h4">
          Elenco delle iscrizioni
        </h2>
        <p className="small">
          {plural(page.total, "iscrizione corrisponde", "iscrizioni corrispondono")} alla ricerca. Le esportazioni
          comprendono tutte le pagine, con la stessa ricerca e gli stessi filtri.
        </p>
        {canWrite ? (
          <BulkActionsForm
            key={registrationListQuery(page.params).toString()}
            action={registrationsBulkAction.bind(null, meeting.id)}
            attendanceOnly={attendanceOnly}
          >
            {table}
          </BulkActionsForm>
        ) : (
          table
        )}
        <PaginationLinks path={path} params={page.params} pageCount={page.pageCount} />
      </section>

      <RegistrationCounts counts={counts} />
      <RegistrationsChart series={perDay} />
    </>
  );
}
