import type { ReferentSheetStatus, ReferentStatus } from "@/lib/generated/prisma/enums";
import { REFERENT_STATUS_BADGES, REFERENT_STATUS_LABELS, SHEET_STATUS_BADGES, SHEET_STATUS_LABELS } from "@/lib/referents/labels";

/** The status in words, coloured too (never by colour alone). */
export function ReferentStatusBadge({ status }: { status: ReferentStatus }) {
  return <span className={`badge ${REFERENT_STATUS_BADGES[status]}`}>{REFERENT_STATUS_LABELS[status]}</span>;
}

export function SheetStatusBadge({ status }: { status: ReferentSheetStatus }) {
  return <span className={`badge ${SHEET_STATUS_BADGES[status]}`}>{SHEET_STATUS_LABELS[status]}</span>;
}
