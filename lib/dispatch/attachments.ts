// What the email worker attaches to a convocation. Not server-only: the
// worker runs outside Next.
import type { DbOrTx } from "@/lib/platform/database/prisma";
import { letterFileName } from "@/lib/meetings/letter-pdf";
import type { EmailAttachment } from "@/lib/platform/email-transport/attachment";
import { BLANK_SHEET_FILENAME } from "@/lib/referents/sheets/blank-pdf";

/**
 * The letter and the blank scheda a convocation email carries, as frozen on
 * its dispatch when it was sent; null for a message of no dispatch.
 */
export async function dispatchAttachmentsOf(db: DbOrTx, emailMessageId: string): Promise<EmailAttachment[] | null> {
  const row = await db.dispatchRecipient.findUnique({
    where: { emailMessageId },
    select: { dispatch: { select: { letterPdf: true, sheetPdf: true, meeting: { select: { slug: true } } } } },
  });
  if (!row) return null;
  const { letterPdf, sheetPdf, meeting } = row.dispatch;
  const pdf = (filename: string, bytes: Uint8Array): EmailAttachment => ({
    filename,
    content: Buffer.from(bytes).toString("base64"),
    contentType: "application/pdf",
    encoding: "base64",
  });
  return [pdf(letterFileName(meeting.slug), letterPdf), pdf(BLANK_SHEET_FILENAME, sheetPdf)];
}
