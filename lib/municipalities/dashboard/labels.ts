import type { ReferentRole, ReferentSheetStatus, ReferentSource, ReferentStatus, SaiCategory } from "@/lib/generated/prisma/enums";

export const SAI_CATEGORY_LABELS: Record<SaiCategory, string> = {
  ORDINARI: "Ordinari",
  MSNA: "MSNA",
  DM_DS: "DM-DS",
};

export const REFERENT_ROLE_LABELS: Record<ReferentRole, string> = {
  POLITICAL: "Politico",
  TECHNICAL: "Tecnico",
};

export const REFERENT_STATUS_LABELS: Record<ReferentStatus, string> = {
  ACTIVE: "Attivo",
  REVOKED: "Revocato",
};

export const REFERENT_SOURCE_LABELS: Record<ReferentSource, string> = {
  REFERENT_SHEET: "Scheda referenti",
  COORDINATOR: "Inserito dal coordinamento",
  IMPORT: "Importato",
};

export const SHEET_STATUS_LABELS: Record<ReferentSheetStatus, string> = {
  PENDING: "Da verificare",
  APPROVED: "Approvata",
  REJECTED: "Respinta",
};
