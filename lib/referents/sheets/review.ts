// What approving a scheda will change, compared with the Comune's referents now.

export type CurrentReferent = { id: string; email: string; name: string; role: string; office: string | null };
export type ListedReferent = { email: string; name: string; role: string; office: string | null };

export type ApprovalPreview = {
  /** Listed and not active today: they become referents (or come back). */
  joining: ListedReferent[];
  /** Listed and already active: they stay, with the scheda's role and office. */
  staying: ListedReferent[];
  /** Active today and not listed: they are revoked. */
  leaving: CurrentReferent[];
};

export function approvalPreview(listed: readonly ListedReferent[], current: readonly CurrentReferent[]): ApprovalPreview {
  const active = new Set(current.map((referent) => referent.email.toLowerCase()));
  const named = new Set(listed.map((referent) => referent.email.toLowerCase()));
  return {
    joining: listed.filter((referent) => !active.has(referent.email.toLowerCase())),
    staying: listed.filter((referent) => active.has(referent.email.toLowerCase())),
    leaving: current.filter((referent) => !named.has(referent.email.toLowerCase())),
  };
}
