// Reading the stored PEC receipts: the list beside each dispatched message,
// and one receipt's .eml for download, only through the meeting it belongs to.
import type { Db, DbOrTx } from "@/lib/platform/database/prisma";
import type { PecReceiptKind } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/segments";

export type PecReceiptSummary = { id: string; emailMessageId: string; kind: PecReceiptKind; at: Date; recipient: string | null };

/** The receipts of these messages, oldest first (ids that are not UUIDs are ignored). */
export async function pecReceiptsOf(db: Db, emailMessageIds: string[]): Promise<PecReceiptSummary[]> {
  const ids = [...new Set(emailMessageIds.filter(isUuid))];
  if (ids.length === 0) return [];
  const rows = await db.pecReceipt.findMany({
    where: { emailMessageId: { in: ids } },
    orderBy: [{ at: "asc" }, { createdAt: "asc" }],
    select: { id: true, emailMessageId: true, kind: true, at: true, recipient: true },
  });
  return rows.flatMap((row) => (row.emailMessageId ? [{ ...row, emailMessageId: row.emailMessageId }] : []));
}

export type PecReceiptDownload = {
  kind: PecReceiptKind;
  eml: Uint8Array;
  /** The Comune the message went to, else the address. */
  recipientName: string;
};

/** One receipt of a message dispatched for this meeting, or null (another meeting's, unmatched, absent). */
export async function getMeetingPecReceipt(db: Db, { meetingId, receiptId }: { meetingId: string; receiptId: string }): Promise<PecReceiptDownload | null> {
  if (!isUuid(meetingId) || !isUuid(receiptId)) return null;
  const receipt = await db.pecReceipt.findFirst({
    where: { id: receiptId, emailMessage: { dispatchRecipient: { meetingId } } },
    select: {
      kind: true,
      eml: true,
      recipient: true,
      emailMessage: { select: { toEmail: true, dispatchRecipient: { select: { address: true, municipality: { select: { name: true } } } } } },
    },
  });
  if (!receipt) return null;
  const dispatched = receipt.emailMessage?.dispatchRecipient;
  return {
    kind: receipt.kind,
    eml: receipt.eml,
    recipientName: dispatched?.municipality?.name ?? dispatched?.address ?? receipt.recipient ?? receipt.emailMessage?.toEmail ?? "destinatario",
  };
}

/** A PEC message a worker claimed and never finished (it died mid-send): the server may or may not have it. */
export async function isInterruptedPec(db: DbOrTx, emailMessageId: string): Promise<boolean> {
  const row = await db.emailMessage.findUnique({ where: { id: emailMessageId }, select: { channel: true, status: true } });
  return row?.channel === "PEC" && row.status === "SENDING";
}

/**
 * What the PEC provider said of a message, if anything: accepted (any
 * receipt but a non accettazione means it took the message) or refused.
 * Receipts name the message's Message-ID, which the result gives back.
 */
export async function pecAcceptanceOf(db: DbOrTx, emailMessageId: string): Promise<{ accepted: boolean; messageId: string | null } | null> {
  const receipts = await db.pecReceipt.findMany({ where: { emailMessageId }, select: { kind: true, referenceMessageId: true } });
  if (receipts.length === 0) return null;
  const accepted = receipts.find((receipt) => receipt.kind !== "NON_ACCETTAZIONE");
  return { accepted: Boolean(accepted), messageId: (accepted ?? receipts[0]).referenceMessageId ?? null };
}
