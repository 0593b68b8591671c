// A person's data as a JSON file: everything held about them, for an access
// or portability request. Coordinators only (an observer reads the page but
// does not take personal data dumps away); each export is on the audit log.
import type { NextRequest } from "next/server";
import { guardRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { buildPersonExport, personExportCounts, personExportFilename } from "@/lib/people/export";
import { recordPersonExport } from "@/lib/people/mutations";
import { getPersonRecords } from "@/lib/people/queries";
import { isUuid } from "@/lib/segments";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardRoute("write");
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const records = isUuid(id) ? await getPersonRecords(db(), { id, withEmailData: true }) : null;
  if (!records) return Response.json({ ok: false, formError: "Persona non trovata." }, { status: 404 });

  // A HEAD (Next.js answers it with this handler) takes nothing away.
  if (request.method !== "HEAD")
    await recordPersonExport(db(), { actor: { id: guard.user.id }, personId: records.person.id, counts: personExportCounts(records) });
  const body = JSON.stringify(buildPersonExport(records), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${personExportFilename(records.person.id)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
