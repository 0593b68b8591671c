// One PEC receipt of a meeting's dispatch, as the provider sent it (.eml):
// the evidence that a Comune's PEC was accepted, delivered or not. Only a
// receipt of a message dispatched for this meeting; anything else is 404.
import { guardMeetingRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { receiptFileName } from "@/lib/email/pec/file-name";
import { PEC_RECEIPT_NOT_FOUND } from "@/lib/email/pec/labels";
import { getMeetingPecReceipt } from "@/lib/email/pec/queries";
import { isUuid } from "@/lib/segments";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; receiptId: string }> }) {
  const guard = await guardMeetingRoute("read", params);
  if (!guard.ok) return guard.response;
  const { receiptId } = await params;
  const notFound = () => new Response(PEC_RECEIPT_NOT_FOUND, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!isUuid(receiptId)) return notFound();
  const receipt = await getMeetingPecReceipt(db(), { meetingId: guard.meetingId, receiptId });
  if (!receipt) return notFound();
  return new Response(receipt.eml as BodyInit, {
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="${receiptFileName(receipt)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
