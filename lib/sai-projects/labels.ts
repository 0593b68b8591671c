// How SAI project categories are named, in lists, forms and the import.
// Plain values, safe on the client and the server.
import type { SaiCategory } from "@/lib/generated/prisma/enums";

/** In the order the SAI lists them. */
export const SAI_CATEGORIES = ["ORDINARI", "MSNA", "DM_DS"] as const satisfies readonly SaiCategory[];

export const SAI_CATEGORY_LABELS: Record<SaiCategory, string> = {
  ORDINARI: "Ordinari",
  MSNA: "MSNA",
  DM_DS: "DM-DS",
};

export const SAI_CATEGORY_DESCRIPTIONS: Record<SaiCategory, string> = {
  ORDINARI: "Ordinari",
  MSNA: "MSNA (minori stranieri non accompagnati)",
  DM_DS: "DM-DS (disagio mentale o disabilità)",
};
