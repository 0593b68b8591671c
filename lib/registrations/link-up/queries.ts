import "server-only";
import type { Db } from "@/lib/db";
import { referentRoleTitle, type KnownBodiesByMunicipality, type KnownBody, type KnownReferent } from "./known";
import { SAI_CATEGORIES } from "@/lib/sai-projects/labels";

const collator = new Intl.Collator("it", { sensitivity: "base" });

/**
 * Every municipality's SAI managing bodies, each once with the categories of
 * its projects there. Small (a few hundred projects), so the registration page
 * hands it all to the form instead of asking per municipality.
 */
export async function listSaiBodiesByMunicipality(db: Db): Promise<KnownBodiesByMunicipality> {
  const projects = await db.saiProject.findMany({
    select: { municipalityId: true, category: true, managingBody: { select: { id: true, name: true } } },
  });
  const byMunicipality = new Map<string, Map<string, KnownBody>>();
  for (const project of projects) {
    const bodies = byMunicipality.get(project.municipalityId) ?? new Map<string, KnownBody>();
    const body = bodies.get(project.managingBody.id) ?? { ...project.managingBody, categories: [] };
    if (!body.categories.includes(project.category)) body.categories.push(project.category);
    bodies.set(body.id, body);
    byMunicipality.set(project.municipalityId, bodies);
  }
  const result: KnownBodiesByMunicipality = {};
  for (const [municipalityId, bodies] of byMunicipality) {
    result[municipalityId] = [...bodies.values()]
      .map((body) => ({ ...body, categories: SAI_CATEGORIES.filter((category) => body.categories.includes(category)) }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }
  return result;
}

/**
 * The Comune an email is an active referent of, with the referent's name and
 * role; null for anyone else (unknown, revoked, erased). One query whatever
 * the answer. A person referent of several Comuni gets the latest designation.
 */
export async function findActiveReferentByEmail(db: Db, email: string): Promise<KnownReferent | null> {
  const referent = await db.referent.findFirst({
    where: { status: "ACTIVE", person: { email, erasedAt: null } },
    orderBy: [{ activatedAt: "desc" }, { id: "asc" }],
    select: {
      role: true,
      office: true,
      person: { select: { firstName: true, lastName: true } },
      municipality: { select: { id: true, name: true } },
    },
  });
  if (!referent) return null;
  return {
    firstName: referent.person.firstName,
    lastName: referent.person.lastName,
    roleTitle: referentRoleTitle(referent.role, referent.office),
    municipalityId: referent.municipality.id,
    municipalityName: referent.municipality.name,
  };
}
