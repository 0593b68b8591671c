// How referents, their roles and the schede are named in Italian.
import type { ReferentRole, ReferentSheetStatus, ReferentSource, ReferentStatus } from "@/lib/generated/prisma/enums";

export const REFERENT_ROLES = ["POLITICAL", "TECHNICAL"] as const satisfies readonly ReferentRole[];
export const REFERENT_STATUSES = ["ACTIVE", "REVOKED"] as const satisfies readonly ReferentStatus[];

export const REFERENT_ROLE_LABELS: Record<ReferentRole, string> = {
  POLITICAL: "Politico",
  TECHNICAL: "Tecnico",
};

/** As a sentence says it: "referente politico". */
export const REFERENT_ROLE_PHRASES: Record<ReferentRole, string> = {
  POLITICAL: "referente politico",
  TECHNICAL: "referente tecnico",
};

export const REFERENT_STATUS_LABELS: Record<ReferentStatus, string> = {
  ACTIVE: "Attivo",
  REVOKED: "Revocato",
};

export const REFERENT_STATUS_BADGES: Record<ReferentStatus, string> = {
  ACTIVE: "bg-success",
  REVOKED: "bg-secondary",
};

export const REFERENT_SOURCE_LABELS: Record<ReferentSource, string> = {
  REFERENT_SHEET: "Scheda referenti",
  COORDINATOR: "Inserito dal Coordinamento",
  IMPORT: "Importazione",
};

export const SHEET_STATUS_LABELS: Record<ReferentSheetStatus, string> = {
  PENDING: "Da verificare",
  APPROVED: "Approvata",
  REJECTED: "Respinta",
};

export const SHEET_STATUS_BADGES: Record<ReferentSheetStatus, string> = {
  PENDING: "bg-warning",
  APPROVED: "bg-success",
  REJECTED: "bg-danger",
};

export function isReferentRole(value: string): value is ReferentRole {
  return Object.hasOwn(REFERENT_ROLE_LABELS, value);
}

export function isReferentStatus(value: string): value is ReferentStatus {
  return Object.hasOwn(REFERENT_STATUS_LABELS, value);
}
