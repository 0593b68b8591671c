import type { MessageAnchor, MessageAudience } from "@/lib/generated/prisma/enums";
import type { OffsetUnit } from "./schema";
import { pluralForm, type PluralForms } from "@/lib/platform/format/plural";

export const ANCHOR_LABELS: Record<MessageAnchor, string> = {
  BEFORE_START: "prima dell'inizio",
  AFTER_END: "dopo la fine",
};

export const UNIT_LABELS: Record<OffsetUnit, string> = { MINUTES: "minuti", HOURS: "ore", DAYS: "giorni" };

const UNIT_FORMS: Record<OffsetUnit, PluralForms> = {
  MINUTES: { one: "minuto", other: "minuti" },
  HOURS: { one: "ora", other: "ore" },
  DAYS: { one: "giorno", other: "giorni" },
};

/** The unit as the select beside the amount says it: "1 giorno", "2 giorni" (plural while the amount is not a number). */
export function unitLabel(unit: OffsetUnit, amount: string | number): string {
  const count = Number(amount);
  return pluralForm(Number.isFinite(count) && String(amount).trim() !== "" ? count : 2, UNIT_FORMS[unit]);
}

/** The audience as the table and the form name it. */
export const AUDIENCE_LABELS: Record<MessageAudience, string> = {
  CONFIRMED: "Iscritti confermati",
  WAITLISTED: "Iscritti in lista d'attesa",
  PRESENT: "Presenti",
  ABSENT: "Assenti",
};

/** What the form says under each audience. */
export const AUDIENCE_HINTS: Record<MessageAudience, string> = {
  CONFIRMED: "chi ha un'iscrizione confermata",
  WAITLISTED: "chi è in lista d'attesa",
  PRESENT: "chi risulta presente all'incontro",
  ABSENT: "gli iscritti confermati che non risultano presenti (anche senza presenza registrata)",
};
