// Which emails an address on the suppression list (a hard bounce, a
// complaint) still gets. What the person asked for — a sign-in link, their
// personal link, a registration's confirmation, the join link, an attestato —
// is still attempted: they are waiting for it, and a mailbox that bounced once
// may be fixed. What we send on our own initiative is not: sending it again
// to an address that bounced or complained hurts the sender's reputation and
// reaches no one. The one list of those templates is here.
import type { EmailChannel, EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { SUPPRESSION_REASON_LABELS } from "../labels";
import type { EmailTemplateName } from "../schema";

/**
 * The templates we send unasked. "convocation" is the dispatch's letter
 * (issue 14), listed before its template exists so it is never forgotten.
 */
export const NON_ESSENTIAL_TEMPLATES = [
  "coverage-reminder",
  "meeting-message",
  "convocation",
] as const satisfies readonly (EmailTemplateName | "convocation")[];

/** Whether a suppressed address skips this template (an email of the EMAIL channel: PEC has its own receipts). */
export function skipsSuppressedAddress({ template, channel }: { template: string; channel: EmailChannel }): boolean {
  return channel === "EMAIL" && (NON_ESSENTIAL_TEMPLATES as readonly string[]).includes(template);
}

/** The lastError of a message the suppression list stopped. */
export function suppressionCancelReason(reason: EmailSuppressionReason): string {
  return SUPPRESSION_REASON_LABELS[reason];
}

/** The form addresses are kept and compared in. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}
