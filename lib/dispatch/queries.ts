import "server-only";
// What a convocation's dispatch would reach, read before anything is sent.
import type { DbOrTx } from "@/lib/db";
import type { DispatchAudience } from "@/lib/generated/prisma/enums";
import { hasCommunicationsConsent } from "@/lib/communications/queries";
import { mergeAudiences, type AudienceCounts, type Candidate } from "./audiences";

/** Every address each of the chosen audiences reaches now (not yet deduplicated). */
async function audienceCandidates(db: DbOrTx, chosen: readonly DispatchAudience[]): Promise<Candidate[]> {
  const wants = (audience: DispatchAudience) => chosen.includes(audience);
  const [municipalities, referents, consented] = await Promise.all([
    wants("SAI_PEC") || wants("ALL_PEC")
      ? db.municipality.findMany({
          where: { pec: { not: null }, ...(wants("ALL_PEC") ? {} : { saiMember: true }) },
          select: { id: true, name: true, pec: true, saiMember: true },
          orderBy: { name: "asc" },
        })
      : [],
    wants("REFERENTS")
      ? db.referent.findMany({
          where: { status: "ACTIVE", person: { erasedAt: null } },
          select: { municipality: { select: { id: true, name: true } }, person: { select: { id: true, email: true, firstName: true, lastName: true } } },
          orderBy: [{ municipality: { name: "asc" } }, { person: { lastName: "asc" } }],
        })
      : [],
    wants("CONSENTED")
      ? db.person.findMany({
          where: hasCommunicationsConsent,
          select: {
            id: true,
            email: true,
            firstName: true,
            lastName: true,
            referents: { where: { status: "ACTIVE" }, select: { municipality: { select: { id: true, name: true } } }, take: 1, orderBy: { municipality: { name: "asc" } } },
          },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        })
      : [],
  ]);
  const candidates: Candidate[] = [];
  for (const municipality of municipalities) {
    const pecFields = { address: municipality.pec!, name: `Comune di ${municipality.name}`, municipalityId: municipality.id, municipalityName: municipality.name, personId: null };
    if (municipality.saiMember && wants("SAI_PEC")) candidates.push({ audience: "SAI_PEC", ...pecFields });
    if (wants("ALL_PEC")) candidates.push({ audience: "ALL_PEC", ...pecFields });
  }
  for (const { municipality, person } of referents) {
    candidates.push({
      audience: "REFERENTS",
      address: person.email,
      name: `${person.firstName} ${person.lastName}`,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      personId: person.id,
    });
  }
  for (const person of consented) {
    const municipality = person.referents[0]?.municipality ?? null;
    candidates.push({
      audience: "CONSENTED",
      address: person.email,
      name: `${person.firstName} ${person.lastName}`,
      municipalityId: municipality?.id ?? null,
      municipalityName: municipality?.name ?? null,
      personId: person.id,
    });
  }
  return candidates;
}

export type AudienceSummary = AudienceCounts & {
  /** Of the deduplicated recipients, those this meeting's convocation already reached. */
  alreadyReached: number;
  /** SAI Comuni with no PEC on file, which the PEC audiences cannot reach. */
  saiWithoutPec: number;
};

/**
 * The chosen audiences for one meeting: a count per audience, the
 * deduplicated recipients, and how many of them an earlier dispatch of this
 * meeting already reached (a later one sends only to the rest).
 */
export async function getAudienceSummary(
  db: DbOrTx,
  { meetingId, audiences }: { meetingId: string; audiences: readonly DispatchAudience[] },
): Promise<AudienceSummary> {
  const [candidates, reached, saiWithoutPec] = await Promise.all([
    audienceCandidates(db, audiences),
    db.dispatchRecipient.findMany({ where: { meetingId }, select: { address: true } }),
    db.municipality.count({ where: { saiMember: true, pec: null } }),
  ]);
  const counts = mergeAudiences(candidates, audiences);
  const reachedAddresses = new Set(reached.map((row) => row.address));
  return {
    ...counts,
    alreadyReached: counts.recipients.filter((recipient) => reachedAddresses.has(recipient.address)).length,
    saiWithoutPec,
  };
}
