// What the registration form knows of the registry: the managing bodies of a
// Comune's SAI projects, and a referent recognised by their email. Plain
// types and labels, safe on the client and the server.
import type { ReferentRole, SaiCategory } from "@/lib/generated/prisma/enums";
import { REFERENT_ROLE_PHRASES } from "@/lib/referents/labels";

/** A managing body running one or more SAI projects of a Comune, with the projects' categories. */
export type KnownBody = { id: string; name: string; categories: SaiCategory[] };

/** For each municipality id, the bodies of its SAI projects (municipalities with none are absent). */
export type KnownBodiesByMunicipality = Record<string, KnownBody[]>;

/** The least the form needs to pre-fill a known referent's registration: no phone, no email, no ids but the Comune's. */
export type KnownReferent = {
  firstName: string;
  lastName: string;
  roleTitle: string;
  municipalityId: string;
  municipalityName: string;
};

/** "Referente tecnico - Ufficio servizi sociali": the referent's role, and their office when known. */
export function referentRoleTitle(role: ReferentRole, office: string | null): string {
  const phrase = REFERENT_ROLE_PHRASES[role];
  const title = phrase.charAt(0).toUpperCase() + phrase.slice(1);
  const trimmed = office?.trim();
  return trimmed ? `${title} - ${trimmed}` : title;
}

/** The same body whatever the case or the spaces around it, as invitations link names to bodies. */
export function sameBodyName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
