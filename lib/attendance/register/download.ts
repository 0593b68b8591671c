// The attendance register as a download, PDF or XLSX: what both route
// handlers answer once their guard has let the user through. Each download
// is on the audit log, since personal data leaves the portal.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildRegisterFile } from "./file";
import type { RegisterFormat } from "./meeting";
import { recordRegisterExport } from "./mutations";
import { getRegisterSource } from "./queries";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export async function registerDownload(
  db: PrismaClient,
  { user, meetingId, format, method = "GET" }: { user: { id: string }; meetingId: string; format: RegisterFormat; method?: string },
): Promise<Response> {
  const source = await getRegisterSource(db, meetingId);
  if (!source) return Response.json({ ok: false, formError: MEETING_NOT_FOUND }, { status: 404 });
  const file = await buildRegisterFile(format, source);
  // A HEAD (Next.js answers it with the GET handler) takes nothing away.
  if (method !== "HEAD")
    await recordRegisterExport(db, {
      actor: { id: user.id },
      meetingId: source.meeting.id,
      format,
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
