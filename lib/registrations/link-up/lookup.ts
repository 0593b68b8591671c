import "server-only";
import { z } from "zod";
import { emailField } from "@/lib/platform/forms/fields";
import type { Db } from "@/lib/db";
import { limitReferentLookup } from "@/lib/platform/rate-limit/limits";
import type { KnownReferent } from "./known";
import { findActiveReferentByEmail } from "./queries";
import { describeError, logError } from "@/lib/platform/logging/log";

const lookupInput = z.object({ email: emailField });

/**
 * Whether an email belongs to an active referent of a Comune, for the
 * registration form to pre-fill. Anything else answers null: bad input, an
 * unknown, revoked or erased person, a caller over the limit, a failure. The
 * email is never logged.
 */
export async function lookupKnownReferent(db: Db, { input, ip }: { input: unknown; ip: string }): Promise<KnownReferent | null> {
  const parsed = lookupInput.safeParse(input);
  if (!parsed.success) return null;
  const { email } = parsed.data;
  try {
    if (!(await limitReferentLookup({ ip, email })).ok) return null;
    return await findActiveReferentByEmail(db, email);
  } catch (error) {
    logError`[lookup] known referent failed: ${describeError(error)}`;
    return null;
  }
}
