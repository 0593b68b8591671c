import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import { sendEmailJob } from "../mutations";

export type RetryEmailResult = { ok: true; jobId: string } | { ok: false; reason: "NOT_FOUND" | "NOT_FAILED" };

/**
 * Gives a FAILED message another delivery: back to PENDING with a new job, in
 * one transaction. Only FAILED qualifies, and the status flips in the same
 * UPDATE that checks it, so two retries at once make one job, and a message
 * already PENDING, in flight or SENT is never queued again.
 */
export async function retryEmail(db: PrismaClient, { actor, ...input }: { actor: { id: string }; id: string }): Promise<RetryEmailResult> {
  return db.$transaction(async (tx: Prisma.TransactionClient): Promise<RetryEmailResult> => {
    const before = await tx.emailMessage.findUnique({ where: { id: input.id }, select: { status: true, attempts: true, lastError: true } });
    if (!before) return { ok: false, reason: "NOT_FOUND" };
    const [message] = await tx.emailMessage.updateManyAndReturn({
      where: { id: input.id, status: "FAILED" },
      data: { status: "PENDING", lastError: null },
      select: { id: true, status: true },
    });
    if (!message) return { ok: false, reason: "NOT_FAILED" };

    const jobId = await sendEmailJob(tx, { messageId: message.id });
    await recordAudit(tx, {
      actor,
      action: "email.retry",
      entityType: "EmailMessage",
      entityId: message.id,
      before: { status: "FAILED", lastError: before.lastError },
      after: { status: message.status },
      details: { attempts: before.attempts },
    });
    return { ok: true, jobId };
  });
}
