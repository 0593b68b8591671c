// The attendance register for the FAMI reporting, as XLSX. Reading is enough
// (an observer, the funder's monitor, may download it).
import { guardRoute } from "@/lib/auth/guard";
import { registerDownload } from "@/lib/attendance/register/download";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/segments";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardRoute("read");
  if (!guard.ok) return guard.response;
  const { id } = await params;
  if (!isUuid(id)) return Response.json({ ok: false, formError: "Convocazione non trovata." }, { status: 404 });
  return registerDownload(db(), { user: guard.user, meetingId: id, format: "xlsx", method: request.method });
}
