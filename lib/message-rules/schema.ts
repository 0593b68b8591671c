// A meeting's message rule (a reminder before it, a follow-up after it): the
// form's fields and the one schema the browser and the server action share.
import { z } from "zod";
import type { MessageAnchor, MessageAudience } from "@/lib/generated/prisma/enums";
import { cleanString, requiredMultiline, requiredText } from "@/lib/platform/forms/fields";
import { defineForm, formOf, type FormValues } from "@/lib/platform/forms/form-data";

export const MESSAGE_ANCHORS = ["BEFORE_START", "AFTER_END"] as const satisfies readonly MessageAnchor[];
export const MESSAGE_AUDIENCES = ["CONFIRMED", "WAITLISTED", "PRESENT", "ABSENT"] as const satisfies readonly MessageAudience[];
export const OFFSET_UNITS = ["MINUTES", "HOURS", "DAYS"] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

export const UNIT_MINUTES: Record<OffsetUnit, number> = { MINUTES: 1, HOURS: 60, DAYS: 1440 };

/** At most 60 days either side of the meeting, whatever the unit. */
export const MAX_OFFSET_MINUTES = 60 * 1440;
export const MAX_SUBJECT = 200;
export const MAX_BODY = 10_000;

/** Who is present or absent is known only once the meeting is over. */
export const ATTENDANCE_AUDIENCES: readonly MessageAudience[] = ["PRESENT", "ABSENT"];

export const ruleIdSchema = z.uuid();
export const meetingIdSchema = z.uuid();

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  cleanString(message).refine((value): value is T[number] => (values as readonly string[]).includes(value), message);

const messageRuleFields = z.object({
  anchor: choice(MESSAGE_ANCHORS, "Scegli se il messaggio parte prima dell'inizio o dopo la fine"),
  offsetValue: cleanString("Indica quanto prima o quanto dopo")
    .trim()
    .min(1, "Indica quanto prima o quanto dopo")
    .regex(/^\d{1,5}$/, "Scrivi un numero intero, ad esempio 2"),
  offsetUnit: choice(OFFSET_UNITS, "Scegli minuti, ore o giorni"),
  audience: choice(MESSAGE_AUDIENCES, "Scegli a chi inviare il messaggio"),
  subject: requiredText("Scrivi l'oggetto del messaggio", MAX_SUBJECT),
  body: requiredMultiline("Scrivi il testo del messaggio", MAX_BODY),
  active: z.boolean(),
});

export const messageRuleForm = formOf(messageRuleFields, { checkboxes: ["active"] });
export type MessageRuleRaw = FormValues<typeof messageRuleForm>;

export const EMPTY_RULE: MessageRuleRaw = {
  anchor: "",
  offsetValue: "",
  offsetUnit: "HOURS",
  audience: "",
  subject: "",
  body: "",
  active: true,
};

export const messageRuleSchema = messageRuleFields
  .superRefine((value, context) => {
    const minutes = Number(value.offsetValue) * (UNIT_MINUTES[value.offsetUnit as OffsetUnit] ?? 1);
    if (minutes > MAX_OFFSET_MINUTES) {
      context.addIssue({ code: "custom", path: ["offsetValue"], message: "Al massimo 60 giorni prima o dopo l'incontro" });
    }
    if (value.anchor === "BEFORE_START" && ATTENDANCE_AUDIENCES.includes(value.audience as MessageAudience)) {
      context.addIssue({
        code: "custom",
        path: ["audience"],
        message: "Presenti e assenti si conoscono solo dopo l'incontro: scegli «dopo la fine» o iscritti confermati",
      });
    }
  })
  .transform((value) => ({
    anchor: value.anchor as MessageAnchor,
    offsetMinutes: Number(value.offsetValue) * UNIT_MINUTES[value.offsetUnit as OffsetUnit],
    audience: value.audience as MessageAudience,
    subject: value.subject,
    body: value.body,
    active: value.active,
  }));
export type MessageRuleInput = z.output<typeof messageRuleSchema>;

/** A stored offset as the form shows it: the largest unit that divides it ("2 giorni", not "2880 minuti"). */
export function offsetParts(offsetMinutes: number): { value: number; unit: OffsetUnit } {
  if (offsetMinutes > 0 && offsetMinutes % UNIT_MINUTES.DAYS === 0) return { value: offsetMinutes / UNIT_MINUTES.DAYS, unit: "DAYS" };
  if (offsetMinutes > 0 && offsetMinutes % UNIT_MINUTES.HOURS === 0) return { value: offsetMinutes / UNIT_MINUTES.HOURS, unit: "HOURS" };
  return { value: offsetMinutes, unit: "MINUTES" };
}

/** A stored rule as the edit form's starting values. */
export function ruleFormValues(rule: { anchor: MessageAnchor; offsetMinutes: number; audience: MessageAudience; subject: string; body: string; active: boolean }): MessageRuleRaw {
  const { value, unit } = offsetParts(rule.offsetMinutes);
  return {
    anchor: rule.anchor,
    offsetValue: String(value),
    offsetUnit: unit,
    audience: rule.audience,
    subject: rule.subject,
    body: rule.body,
    active: rule.active,
  };
}

/** The row buttons: nothing to type, the rule is bound; "active" says which way the switch goes. */
export const ruleButtonForm = defineForm({ text: [] });
export type RuleButtonRaw = FormValues<typeof ruleButtonForm>;
// No schema: the pressed button's "true" or "false" is read by the action.
export const ruleActiveForm = defineForm({ text: ["active"] });
export type RuleActiveRaw = FormValues<typeof ruleActiveForm>;
