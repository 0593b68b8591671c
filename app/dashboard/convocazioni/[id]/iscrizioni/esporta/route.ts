// A meeting's registrations as CSV or XLSX, with the table's search, filters
// and sort. Observers may export (reading is their role); each export is on
// the audit log, since personal data leaves the portal.
import type { NextRequest } from "next/server";
import { guardMeetingRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import {
  buildRegistrationsCsv,
  EXPORT_CONTENT_TYPES,
  exportFilename,
  streamRegistrationsXlsx,
  type ExportFormat,
} from "@/lib/registrations/dashboard/export";
import { recordRegistrationsExport } from "@/lib/registrations/dashboard/mutations";
import { getRegistrationsMeeting, listRegistrationsForExport } from "@/lib/registrations/dashboard/queries";
import { parseRegistrationListParams, registrationListQuery } from "@/lib/registrations/dashboard/schema";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export const dynamic = "force-dynamic";

function formatOf(value: string | null): ExportFormat | null {
  if (value === null || value === "csv") return "csv";
  return value === "xlsx" ? "xlsx" : null;
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  const search = request.nextUrl.searchParams;
  const format = formatOf(search.get("formato"));
  if (!format) return Response.json({ ok: false, formError: "Formato non disponibile: scegli csv o xlsx." }, { status: 400 });
  const meeting = await getRegistrationsMeeting(db(), guard.meetingId);
  if (!meeting) return Response.json({ ok: false, formError: MEETING_NOT_FOUND }, { status: 404 });

  const listParams = parseRegistrationListParams(search);
  const rows = await listRegistrationsForExport(db(), { meetingId: meeting.id, ...listParams });
  const headers = {
    "Content-Type": EXPORT_CONTENT_TYPES[format],
    "Content-Disposition": `attachment; filename="${exportFilename(meeting.slug, format)}"`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  // A HEAD (Next.js answers it with this handler) takes nothing away: no entry, no file built.
  if (request.method === "HEAD") return new Response(null, { headers });
  const filters = Object.fromEntries(registrationListQuery(listParams, { page: 1 }));
  await recordRegistrationsExport(db(), { actor: { id: guard.user.id }, meetingId: meeting.id, format, rows: rows.length, filters });

  // The workbook streams (written row by row, the thread free between slices); the CSV is one string.
  const body = format === "csv" ? buildRegistrationsCsv(rows) : streamRegistrationsXlsx(rows, `Iscrizioni - ${meeting.title}`);
  return new Response(body, { headers });
}
