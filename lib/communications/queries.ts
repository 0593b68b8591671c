import "server-only";
// Who may receive the Coordinamento's communications, and what an unsubscribe
// link shows before it is used.
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashToken, isWellFormedToken } from "@/lib/platform/security/tokens";

/**
 * The people who consent now to the Coordinamento's communications: the
 * consent given (on a registration or a scheda) and not withdrawn since, and
 * a person not erased. The audience "people who consented" of a dispatch.
 */
export const hasCommunicationsConsent = { erasedAt: null, communicationsConsent: true } as const satisfies Prisma.PersonWhereInput;

export type ConsentedPerson = { id: string; email: string; firstName: string; lastName: string; communicationsConsentAt: Date | null };

/** Every person who consents now, by surname and name. */
export async function consentedPeople(db: DbOrTx): Promise<ConsentedPerson[]> {
  return db.person.findMany({
    where: hasCommunicationsConsent,
    select: { id: true, email: true, firstName: true, lastName: true, communicationsConsentAt: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
  });
}

export type UnsubscribeLink = {
  /** The address the email went to. */
  email: string;
  name: string;
  /** CONSENTED: the button withdraws it; WITHDRAWN: already done (withdrawnAt); NONE: never given, the link still records the wish. */
  state: "CONSENTED" | "WITHDRAWN" | "NONE";
  withdrawnAt: Date | null;
};

/** What an unsubscribe link is about; null for a token that is malformed, unknown, or of an erased person. */
export async function getUnsubscribeLink(db: Db, token: string): Promise<UnsubscribeLink | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.unsubscribeToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      person: {
        select: { firstName: true, lastName: true, erasedAt: true, communicationsConsent: true, communicationsConsentWithdrawnAt: true },
      },
    },
  });
  if (!row || row.person.erasedAt) return null;
  const { person } = row;
  const state = person.communicationsConsent ? "CONSENTED" : person.communicationsConsentWithdrawnAt ? "WITHDRAWN" : "NONE";
  return {
    email: row.email,
    name: `${person.firstName} ${person.lastName}`,
    state,
    withdrawnAt: state === "WITHDRAWN" ? person.communicationsConsentWithdrawnAt : null,
  };
}
