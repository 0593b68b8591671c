// Uploading a meeting's participants report (Zoom, Teams or Meet): a plain
// multipart form posts here, with or without JavaScript. The participants
// are stored as read and the browser goes to the preview; a file refused as
// a whole goes back to the attendance page with the reason.
import { createHash } from "node:crypto";
import { guardRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createAttendanceImport } from "@/lib/attendance/import/mutations";
import { MAX_REPORT_BYTES, parseAttendanceReport } from "@/lib/attendance/import/parse";
import { attendanceImportPath, isPlatform, uploadErrorHref } from "@/lib/attendance/messages";
import { attendanceIdSchema } from "@/lib/attendance/schema";
import { refuseCrossSite } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

// Multipart framing around the file: generous, the file's own size is checked again.
const MAX_REQUEST_BYTES = MAX_REPORT_BYTES + 64 * 1024;

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const guard = await guardRoute("write");
  if (!guard.ok) return guard.response;
  const { id } = await params;
  if (!attendanceIdSchema.safeParse(id).success) return Response.json({ ok: false, formError: "Convocazione non trovata." }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return seeOther(uploadErrorHref(id, { code: "TOO_LARGE" }));

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return seeOther(uploadErrorHref(id, { code: "NO_FILE" }));
  if (file.size > MAX_REPORT_BYTES) return seeOther(uploadErrorHref(id, { code: "TOO_LARGE" }));
  const chosen = form?.get("piattaforma");
  const platform = typeof chosen === "string" && isPlatform(chosen) ? chosen : null;

  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = parseAttendanceReport(bytes, platform);
  if (!parsed.ok) return seeOther(uploadErrorHref(id, parsed));
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const created = await createAttendanceImport(db, guard.user, {
    meetingId: id,
    platform: parsed.platform,
    fileName: file.name.slice(0, 200) || "report.csv",
    fileHash,
    participants: parsed.participants,
  });
  if (!created.ok) return Response.json({ ok: false, formError: "Convocazione non trovata." }, { status: 404 });
  return seeOther(attendanceImportPath(id, created.id));
}
