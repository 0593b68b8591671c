// When a meeting's join link goes out, and why it cannot: pure, safe on the
// client. Offsets are minutes before the start ("24 ore prima" = 1440).
import { z } from "zod";
import type { JoinLinkSendKind, MeetingMode, MeetingStatus } from "@/lib/generated/prisma/enums";
import type { FieldErrors } from "@/lib/platform/forms/action-state";
import { defineForm, type FormValues } from "@/lib/platform/forms/form-data";
import { plural, pluralForm, type PluralForms } from "@/lib/platform/format/plural";

export const meetingIdSchema = z.uuid();

export const DEFAULT_OFFSETS = [1440, 60] as const;
export const MAX_OFFSETS = 6;
/** Thirty days: further ahead the link usually is not known yet. */
export const MAX_OFFSET_MINUTES = 30 * 24 * 60;

export const OFFSET_UNITS = { minuti: 1, ore: 60, giorni: 1440 } as const;
export type OffsetUnit = keyof typeof OFFSET_UNITS;

const UNIT_FORMS: Record<OffsetUnit, PluralForms> = {
  minuti: { one: "minuto", other: "minuti" },
  ore: { one: "ora", other: "ore" },
  giorni: { one: "giorno", other: "giorni" },
};

/** The unit as the select beside the amount says it: "1 giorno prima", "2 giorni prima" (plural while the amount is not a number). */
export function offsetUnitLabel(unit: OffsetUnit, amount: string | number): string {
  const count = Number(amount);
  return `${pluralForm(Number.isFinite(count) && String(amount).trim() !== "" ? count : 2, UNIT_FORMS[unit])} prima`;
}

/** The slot of a scheduled send: unique per meeting and link version. */
export function scheduledSlot(offsetMinutes: number): string {
  return `before-${offsetMinutes}`;
}
export const UPDATED_SLOT = "updated";

/** An offset in the largest unit that divides it: 1440 → { 1, "giorni" }, 90 → { 90, "minuti" }. */
export function splitOffset(minutes: number): { amount: number; unit: OffsetUnit } {
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: "giorni" };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: "ore" };
  return { amount: minutes, unit: "minuti" };
}

/** "24 ore prima", "1 ora prima", "2 giorni prima", "30 minuti prima". */
export function describeOffset(minutes: number): string {
  // A day reads better in hours, as the letter says it: "24 ore prima".
  const { amount, unit } = minutes === 1440 ? { amount: 24, unit: "ore" as const } : splitOffset(minutes);
  const words = { minuti: ["minuto", "minuti"], ore: ["ora", "ore"], giorni: ["giorno", "giorni"] }[unit];
  return `${plural(amount, words[0], words[1])} prima`;
}

export const JOIN_LINK_KIND_LABELS: Record<JoinLinkSendKind, string> = {
  SCHEDULED: "Programmato",
  MANUAL: "Invio manuale",
  UPDATED: "Link aggiornato",
};

/** "Programmato (24 ore prima)", "Invio manuale", "Link aggiornato". */
export function describeSend(send: { kind: JoinLinkSendKind; slot: string }): string {
  const offset = /^before-(\d+)$/.exec(send.slot);
  return send.kind === "SCHEDULED" && offset ? `Programmato (${describeOffset(Number(offset[1]))})` : JOIN_LINK_KIND_LABELS[send.kind];
}

export type JoinLinkUnavailable = "NOT_ONLINE" | "NO_JOIN_URL" | "NOT_PUBLISHED" | "MEETING_ENDED";

export const UNAVAILABLE_MESSAGES: Record<JoinLinkUnavailable, string> = {
  NOT_ONLINE: "L'incontro si svolge solo in presenza: non c'è un link di collegamento da inviare.",
  NO_JOIN_URL:
    "La convocazione non ha ancora un link di collegamento: aggiungilo nella scheda «Modifica» e potrà essere inviato agli iscritti confermati.",
  NOT_PUBLISHED: "La convocazione non è pubblicata: il link si invia solo per le convocazioni pubblicate.",
  MEETING_ENDED: "L'incontro è terminato: il link non si invia più.",
};

type Sendable = { mode: MeetingMode; status: MeetingStatus | string; hasJoinUrl: boolean; endsAt: Date };

/** Why nothing can be sent for this meeting now, or null when it can. */
export function joinLinkUnavailable(meeting: Sendable, now: Date): JoinLinkUnavailable | null {
  if (meeting.mode === "IN_PERSON") return "NOT_ONLINE";
  if (!meeting.hasJoinUrl) return "NO_JOIN_URL";
  if (meeting.status !== "PUBLISHED") return "NOT_PUBLISHED";
  if (meeting.endsAt <= now) return "MEETING_ENDED";
  return null;
}

// The offsets form: one row per offset (amount + unit), a "remove" box per
// row, and blank rows to add new ones. Works without JavaScript. Its names
// are listed here: "remove" is no key of the row schema, which parses kept rows only.
export const offsetsForm = defineForm({ text: [], rows: { offsets: ["amount", "unit", "remove"] } });
export type OffsetsRaw = FormValues<typeof offsetsForm>;

/** Blank rows offered under the existing ones, to add offsets without JavaScript. */
export const BLANK_OFFSET_ROWS = 2;

export function offsetsFormValues(offsets: readonly number[]): OffsetsRaw {
  const rows = offsets.map((minutes) => {
    const { amount, unit } = splitOffset(minutes);
    return { amount: String(amount), unit, remove: "" };
  });
  for (let index = 0; index < BLANK_OFFSET_ROWS; index++) rows.push({ amount: "", unit: "ore", remove: "" });
  return { offsets: rows };
}

const rowSchema = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "Indica un numero intero, ad esempio 24.")
    .transform(Number)
    .refine((value) => value >= 1, "Indica un numero maggiore di zero."),
  unit: z.enum(Object.keys(OFFSET_UNITS) as [OffsetUnit, ...OffsetUnit[]], "Scegli minuti, ore o giorni."),
});

export type ParsedOffsets = { ok: true; offsets: number[] } | { ok: false; fieldErrors: FieldErrors; formError?: string };

/**
 * The offsets a submitted form asks for, in minutes, latest first. Rows with
 * no amount or with "remove" ticked are dropped; errors point at their row.
 */
export function parseOffsets(values: OffsetsRaw): ParsedOffsets {
  const fieldErrors: FieldErrors = {};
  const seen = new Map<number, number>();
  values.offsets.forEach((row, index) => {
    if (row.remove || row.amount.trim() === "") return;
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fieldErrors[`offsets.${index}.${String(issue.path[0])}`] ??= issue.message;
      return;
    }
    const minutes = parsed.data.amount * OFFSET_UNITS[parsed.data.unit];
    if (minutes > MAX_OFFSET_MINUTES) {
      fieldErrors[`offsets.${index}.amount`] = "Al massimo 30 giorni prima dell'inizio.";
    } else if (seen.has(minutes)) {
      fieldErrors[`offsets.${index}.amount`] = `Questo orario è già nell'elenco (${describeOffset(minutes)}).`;
    } else {
      seen.set(minutes, index);
    }
  });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  if (seen.size > MAX_OFFSETS) return { ok: false, fieldErrors, formError: `Al massimo ${MAX_OFFSETS} invii programmati.` };
  return { ok: true, offsets: [...seen.keys()].sort((a, b) => b - a) };
}

export const sendNowForm = defineForm({ text: [] });
export type SendNowRaw = FormValues<typeof sendNowForm>;
