// The attendance register for the FAMI reporting, as PDF. Reading is enough
// (an observer, the funder's monitor, may download it); each download is on
// the audit log, since personal data leaves the portal.
import { guardRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { buildRegisterFile } from "@/lib/attendance/register/file";
import { recordRegisterExport } from "@/lib/attendance/register/mutations";
import { getRegisterSource } from "@/lib/attendance/register/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guard = await guardRoute("read");
  if (!guard.ok) return guard.response;
  const { id } = await params;
  const source = await getRegisterSource(db, id);
  if (!source) return Response.json({ ok: false, formError: "Convocazione non trovata." }, { status: 404 });
  const file = await buildRegisterFile("pdf", source);
  await recordRegisterExport(db, { id: guard.user.id }, {
    meetingId: source.meeting.id,
    format: "pdf",
    participants: file.register.participants.length,
    absent: file.register.absent.length,
  });
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
