// Uploading a meeting's participants report (Zoom, Teams or Meet), as every
// upload goes (lib/platform/files/upload.ts). The participants are stored as read and
// the browser goes to the preview; a file refused as a whole goes back to the
// attendance page with the reason.
import { db } from "@/lib/db";
import { guardRoute } from "@/lib/auth/guard";
import { handleUpload } from "@/lib/platform/files/upload";
import { createAttendanceImport } from "@/lib/attendance/import/mutations";
import { parseAttendanceReport } from "@/lib/attendance/import/parse";
import { attendanceImportPath, isPlatform, uploadErrorHref } from "@/lib/attendance/messages";
import { attendanceIdSchema } from "@/lib/attendance/schema";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleUpload(request, {
    authorize: () => guardRoute("write"),
    addressValid: attendanceIdSchema.safeParse(id).success,
    notFoundMessage: MEETING_NOT_FOUND,
    parse: ({ bytes, form }) => {
      const chosen = form.get("piattaforma");
      return parseAttendanceReport(bytes, typeof chosen === "string" && isPlatform(chosen) ? chosen : null);
    },
    refusedHref: (refusal) => uploadErrorHref(id, refusal),
    store: async ({ user, fileName, fileHash, parsed }) => {
      const created = await createAttendanceImport(db(), {
        actor: user,
        meetingId: id,
        platform: parsed.platform,
        fileName: fileName || "report.csv",
        fileHash,
        participants: parsed.participants,
      });
      return created.ok ? attendanceImportPath(id, created.id) : null;
    },
  });
}
