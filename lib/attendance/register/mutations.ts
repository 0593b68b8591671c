import "server-only";
// Downloading the register takes personal data out of the portal: each
// download is on the audit log, who and which format, never the data.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordExport } from "@/lib/audit/mutations";
import type { RegisterFormat } from "./meeting";

export async function recordRegisterExport(
  db: PrismaClient,
  { actor, ...input }: { actor: { id: string }; meetingId: string; format: RegisterFormat; participants: number; absent: number },
): Promise<{ ok: true }> {
  await db.$transaction((tx) =>
    recordExport(tx, {
      actor,
      action: "attendance.register-export",
      entityType: "Meeting",
      entityId: input.meetingId,
      details: { format: input.format, participants: input.participants, absent: input.absent },
    }),
  );
  return { ok: true };
}
