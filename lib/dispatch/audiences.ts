// Who a convocation goes to: each audience's addresses, counted on their own,
// and the one list after removing the addresses that appear in more than one
// (a Comune's PEC that is also a referent's address goes once, by PEC).
import type { DispatchAudience, EmailChannel } from "@/lib/generated/prisma/enums";

/** The order the dashboard lists them in, which is also the order that wins a shared address: PEC first. */
export const AUDIENCES = ["SAI_PEC", "ALL_PEC", "REFERENTS", "CONSENTED"] as const satisfies readonly DispatchAudience[];

export const AUDIENCE_CHANNEL: Record<DispatchAudience, EmailChannel> = {
  SAI_PEC: "PEC",
  ALL_PEC: "PEC",
  REFERENTS: "EMAIL",
  CONSENTED: "EMAIL",
};

/** One address an audience reaches, with the Comune and the person it stands for. */
export type Candidate = {
  audience: DispatchAudience;
  /** Lower-cased and trimmed. */
  address: string;
  /** "Comune di Monreale" for a PEC, the person's name for an email. */
  name: string;
  municipalityId: string | null;
  municipalityName: string | null;
  personId: string | null;
};

export type Recipient = Omit<Candidate, "audience"> & { channel: EmailChannel; audiences: DispatchAudience[] };

export type AudienceCounts = { perAudience: Record<DispatchAudience, number>; recipients: Recipient[] };

export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * The chosen audiences' recipients, one per address: an address keeps the
 * first audience that reached it in AUDIENCES order (and that audience's
 * channel, Comune and person), and lists every chosen audience that has it.
 * Each audience's count is its own distinct addresses.
 */
export function mergeAudiences(candidates: readonly Candidate[], chosen: readonly DispatchAudience[]): AudienceCounts {
  const wanted = new Set(chosen);
  const perAudience = Object.fromEntries(AUDIENCES.map((audience) => [audience, 0])) as Record<DispatchAudience, number>;
  const seenIn = new Map<DispatchAudience, Set<string>>(AUDIENCES.map((audience) => [audience, new Set()]));
  const byAddress = new Map<string, Recipient>();
  const ordered = [...candidates].sort((a, b) => AUDIENCES.indexOf(a.audience) - AUDIENCES.indexOf(b.audience));
  for (const { audience, ...candidate } of ordered) {
    if (!wanted.has(audience)) continue;
    const address = normaliseAddress(candidate.address);
    if (!address) continue;
    const seen = seenIn.get(audience)!;
    if (seen.has(address)) continue;
    seen.add(address);
    perAudience[audience] += 1;
    const known = byAddress.get(address);
    if (known) known.audiences.push(audience);
    else byAddress.set(address, { ...candidate, address, channel: AUDIENCE_CHANNEL[audience], audiences: [audience] });
  }
  return { perAudience, recipients: [...byAddress.values()] };
}
