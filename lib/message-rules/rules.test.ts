import { describe, expect, it } from "vitest";
import { fillPlaceholders } from "./placeholders";
import { messageRuleSchema, offsetParts, ruleFormValues, type MessageRuleRaw } from "./schema";
import { RULE_SUGGESTIONS } from "./suggestions";
import { describeWhen, ruleMoment, ruleState } from "./timing";

const valid: MessageRuleRaw = {
  anchor: "AFTER_END",
  offsetValue: "2",
  offsetUnit: "HOURS",
  audience: "PRESENT",
  subject: "Grazie",
  body: "Grazie {nome}",
  active: true,
};

function errors(values: Partial<MessageRuleRaw>) {
  const parsed = messageRuleSchema.safeParse({ ...valid, ...values });
  if (parsed.success) return {};
  // The first message of each field, as the form shows it.
  return Object.fromEntries(parsed.error.issues.toReversed().map((issue) => [issue.path.join("."), issue.message]));
}

describe("the rule form's schema", () => {
  it("turns number and unit into minutes", () => {
    expect(messageRuleSchema.parse(valid)).toEqual({
      anchor: "AFTER_END",
      offsetMinutes: 120,
      audience: "PRESENT",
      subject: "Grazie",
      body: "Grazie {nome}",
      active: true,
    });
    expect(messageRuleSchema.parse({ ...valid, offsetValue: "3", offsetUnit: "DAYS" }).offsetMinutes).toBe(4320);
    expect(messageRuleSchema.parse({ ...valid, offsetValue: "0", offsetUnit: "MINUTES" }).offsetMinutes).toBe(0);
  });

  it("says in Italian what is missing or wrong, next to the field", () => {
    expect(errors({ anchor: "", offsetValue: "", audience: "", subject: " ", body: "" })).toEqual({
      anchor: "Scegli se il messaggio parte prima dell'inizio o dopo la fine",
      offsetValue: "Indica quanto prima o quanto dopo",
      audience: "Scegli a chi inviare il messaggio",
      subject: "Scrivi l'oggetto del messaggio",
      body: "Scrivi il testo del messaggio",
    });
    expect(errors({ offsetValue: "1,5" })).toEqual({ offsetValue: "Scrivi un numero intero, ad esempio 2" });
    expect(errors({ offsetValue: "-1" })).toEqual({ offsetValue: "Scrivi un numero intero, ad esempio 2" });
    expect(errors({ offsetValue: "61", offsetUnit: "DAYS" })).toEqual({ offsetValue: "Al massimo 60 giorni prima o dopo l'incontro" });
    expect(errors({ offsetUnit: "SETTIMANE" })).toEqual({ offsetUnit: "Scegli minuti, ore o giorni" });
    expect(errors({ subject: "x".repeat(201) })).toEqual({ subject: "Massimo 200 caratteri" });
  });

  it("refuses presenti or assenti before the start: they are known only afterwards", () => {
    expect(errors({ anchor: "BEFORE_START", audience: "PRESENT" })).toEqual({
      audience: "Presenti e assenti si conoscono solo dopo l'incontro: scegli «dopo la fine» o iscritti confermati",
    });
    expect(errors({ anchor: "BEFORE_START", audience: "WAITLISTED" })).toEqual({});
  });

  it("shows a stored offset in the largest unit that fits", () => {
    expect(offsetParts(2880)).toEqual({ value: 2, unit: "DAYS" });
    expect(offsetParts(90)).toEqual({ value: 90, unit: "MINUTES" });
    expect(offsetParts(120)).toEqual({ value: 2, unit: "HOURS" });
    expect(offsetParts(0)).toEqual({ value: 0, unit: "MINUTES" });
  });

  it("every suggested text is a valid rule that comes back as it went in", () => {
    for (const suggestion of RULE_SUGGESTIONS) {
      const parsed = messageRuleSchema.parse(suggestion.values);
      expect(ruleFormValues(parsed)).toEqual(suggestion.values);
    }
  });
});

describe("when a rule goes", () => {
  // 24 March 2022, 15:00–17:00 in Rome (UTC+1).
  const meeting = { startsAt: new Date("2022-03-24T14:00:00Z"), endsAt: new Date("2022-03-24T16:00:00Z") };

  it("is its offset before the start or after the end, described in words", () => {
    const dayBefore = { anchor: "BEFORE_START" as const, offsetMinutes: 2 * 1440 };
    const hourAfter = { anchor: "AFTER_END" as const, offsetMinutes: 60 };
    expect(ruleMoment(dayBefore, meeting)).toEqual(new Date("2022-03-22T14:00:00Z"));
    expect(ruleMoment(hourAfter, meeting)).toEqual(new Date("2022-03-24T17:00:00Z"));
    expect(describeWhen(dayBefore)).toBe("2 giorni prima dell'inizio");
    expect(describeWhen(hourAfter)).toBe("1 ora dopo la fine");
    expect(describeWhen({ anchor: "BEFORE_START", offsetMinutes: 1 })).toBe("1 minuto prima dell'inizio");
    expect(describeWhen({ anchor: "AFTER_END", offsetMinutes: 0 })).toBe("alla fine");
    expect(describeWhen({ anchor: "BEFORE_START", offsetMinutes: 1440 })).toBe("1 giorno prima dell'inizio");
  });

  const rule = { anchor: "AFTER_END" as const, offsetMinutes: 60, audience: "PRESENT" as const, active: true, sentAt: null, recipients: null };
  const published = { ...meeting, status: "PUBLISHED" as const };
  const after = new Date("2022-03-24T17:00:00Z");
  const before = new Date("2022-03-24T16:59:00Z");

  it("is due from its moment, scheduled before it", () => {
    expect(ruleState(rule, published, true, before)).toEqual({ kind: "SCHEDULED", at: after });
    expect(ruleState(rule, published, true, after)).toEqual({ kind: "DUE", at: after });
  });

  it("waits for attendance when it is for presenti or assenti and none is recorded", () => {
    expect(ruleState(rule, published, false, after).kind).toBe("AWAITING_ATTENDANCE");
    expect(ruleState({ ...rule, audience: "CONFIRMED" }, published, false, after).kind).toBe("DUE");
  });

  it("never goes for a cancelled or draft meeting, when inactive, or once sent", () => {
    expect(ruleState(rule, { ...published, status: "CANCELLED" }, true, after).kind).toBe("MEETING_CANCELLED");
    expect(ruleState(rule, { ...published, status: "DRAFT" }, true, after).kind).toBe("MEETING_DRAFT");
    expect(ruleState({ ...rule, active: false }, published, true, after).kind).toBe("INACTIVE");
    expect(ruleState({ ...rule, sentAt: after, recipients: 2 }, published, true, after)).toEqual({ kind: "SENT", sentAt: after, recipients: 2 });
  });

  it("a reminder before the start is missed once the meeting is over", () => {
    const reminder = { ...rule, anchor: "BEFORE_START" as const, audience: "CONFIRMED" as const, offsetMinutes: 1440 };
    expect(ruleState(reminder, published, false, new Date("2022-03-24T15:00:00Z")).kind).toBe("DUE");
    expect(ruleState(reminder, published, false, meeting.endsAt).kind).toBe("MISSED");
  });
});

describe("placeholders", () => {
  const values = { firstName: "Maria", lastName: "Rossi_Bianchi", meetingTitle: "Tavolo tecnico", when: "giovedì 24 marzo 2022", where: "Zoom" };

  it("are filled per recipient; unknown ones stay as written", () => {
    expect(fillPlaceholders("Gentile {nome} {cognome}: {incontro}, {data}, {luogo}. {altro}", values)).toBe(
      "Gentile Maria Rossi_Bianchi: Tavolo tecnico, giovedì 24 marzo 2022, Zoom. {altro}",
    );
  });

  it("in Markdown a value stays text", () => {
    expect(fillPlaceholders("**{cognome}**", { ...values, lastName: "[x](javascript:y)_" }, { markdown: true })).toBe(
      "**\\[x\\](javascript:y)\\_**",
    );
  });
});
