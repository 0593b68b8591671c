import "server-only";
// A person's consent to the Coordinamento's communications (given on a
// registration or a scheda referenti, withdrawn by an unsubscribe link), and
// the unsubscribe links themselves: one random token per email that carries
// one, stored only as its hash.
import { recordAudit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/platform/security/tokens";
import { routes } from "@/lib/routes";
import { appOrigin } from "@/lib/site";

const PUBLIC_ACTOR = { label: "pubblico" };

/**
 * The person gave their consent now (a registration or a scheda with the box
 * ticked): it holds from this moment, whatever they said before. The caller
 * runs it in the transaction of the registration or scheda itself.
 */
export async function giveCommunicationsConsent(tx: Tx, { personId, now }: { personId: string; now: Date }): Promise<void> {
  await tx.person.updateMany({
    where: { id: personId, erasedAt: null },
    data: { communicationsConsent: true, communicationsConsentAt: now },
  });
}

/**
 * The person withdrew their consent now (an unsubscribe link, or the box
 * unticked on their personal page). Gives whether it was held until now:
 * withdrawing twice changes nothing and keeps the first time.
 */
export async function withdrawCommunicationsConsent(tx: Tx, { personId, now }: { personId: string; now: Date }): Promise<boolean> {
  const { count } = await tx.person.updateMany({
    where: { id: personId, communicationsConsent: true },
    data: { communicationsConsent: false, communicationsConsentWithdrawnAt: now },
  });
  return count > 0;
}

/**
 * A new unsubscribe link for one email to `email` about `personId`, as the
 * absolute address the email shows (and whose one-click twin its
 * List-Unsubscribe header names). Call it in the transaction that queues the
 * email and put it in the email's data as `unsubscribeUrl`: a secret of the
 * template (lib/email/secrets.ts), replaced once the email is sent, so the
 * token lives only in the recipient's mailbox.
 */
export async function createUnsubscribeUrl(tx: Tx, { personId, email }: { personId: string; email: string }): Promise<string> {
  const token = generateToken();
  await tx.unsubscribeToken.create({ data: { tokenHash: hashToken(token), personId, email: email.trim().toLowerCase() } });
  return `${appOrigin()}${routes.unsubscribe(token).page()}`;
}

export type UnsubscribeResult = { ok: true; withdrawn: boolean } | { ok: false; reason: "NOT_FOUND" };

/**
 * What the unsubscribe link does, from the page's button or the mail
 * client's one-click POST (RFC 8058): no sign-in, the token is the
 * credential. Withdraws the person's consent now and records it in the
 * activity log; a second use finds it withdrawn, changes nothing and is
 * still a success, so the link keeps answering. An erased person's links are
 * gone with their data.
 */
export async function unsubscribe(db: Db, { token, oneClick, now = new Date() }: { token: string; oneClick: boolean; now?: Date }): Promise<UnsubscribeResult> {
  if (!isWellFormedToken(token)) return { ok: false, reason: "NOT_FOUND" };
  return db.$transaction(async (tx): Promise<UnsubscribeResult> => {
    const link = await tx.unsubscribeToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, personId: true, person: { select: { erasedAt: true } } },
    });
    if (!link || link.person.erasedAt) return { ok: false, reason: "NOT_FOUND" };
    // Also someone who never consented (a referent reminded for their Comune) says
    // they want no more: the withdrawal is recorded, and reminders skip them.
    const { count } = await tx.person.updateMany({
      where: { id: link.personId, OR: [{ communicationsConsent: true }, { communicationsConsentWithdrawnAt: null }] },
      data: { communicationsConsent: false, communicationsConsentWithdrawnAt: now },
    });
    const withdrawn = count > 0;
    await tx.unsubscribeToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (withdrawn) {
      await recordAudit(tx, {
        actor: PUBLIC_ACTOR,
        action: "person.communications-withdraw",
        entityType: "Person",
        entityId: link.personId,
        after: { communicationsConsent: false },
        details: { oneClick },
      });
    }
    return { ok: true, withdrawn };
  });
}
