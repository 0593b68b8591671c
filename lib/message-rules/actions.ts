"use server";
// The coordinators' writes on a meeting's message rules. Each reads the form
// (pure), then goes through the guard before anything else: an observer or an
// expired session is refused with nothing read or written.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { RULE_REFUSALS, rulesPath, type RuleOutcome } from "./messages";
import { createMessageRule, deleteMessageRule, sendMessageRuleNow, setMessageRuleActive, updateMessageRule } from "./mutations";
import {
  meetingIdSchema,
  messageRuleForm,
  messageRuleSchema,
  ruleActiveForm,
  ruleButtonForm,
  ruleIdSchema,
  type MessageRuleRaw,
  type RuleActiveRaw,
  type RuleButtonRaw,
} from "./schema";

function ids(meetingId: string, ruleId: string): { meetingId: string; ruleId: string } | null {
  const meeting = meetingIdSchema.safeParse(meetingId);
  const rule = ruleIdSchema.safeParse(ruleId);
  return meeting.success && rule.success ? { meetingId: meeting.data, ruleId: rule.data } : null;
}

/** Back to the rules' page, which says what happened. */
function done(meetingId: string, outcome: RuleOutcome) {
  const path = rulesPath(meetingId);
  return { status: "redirect" as const, to: `${path}?esito=${outcome}`, revalidate: [path] };
}

export async function createMessageRuleAction(
  meetingId: string,
  _state: FormState<MessageRuleRaw>,
  formData: FormData,
): Promise<FormState<MessageRuleRaw>> {
  const values = readForm(formData, messageRuleForm);
  return runDashboardAction("create-message-rule", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, RULE_REFUSALS.MEETING_NOT_FOUND);
    const parsed = parseForm(messageRuleSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await createMessageRule(db(), { actor: user, meetingId: id.data, ...parsed.data });
    if (!result.ok) return errorState(values, {}, RULE_REFUSALS[result.reason]);
    return done(id.data, "aggiunto");
  });
}

export async function updateMessageRuleAction(
  meetingId: string,
  ruleId: string,
  _state: FormState<MessageRuleRaw>,
  formData: FormData,
): Promise<FormState<MessageRuleRaw>> {
  const values = readForm(formData, messageRuleForm);
  return runDashboardAction("update-message-rule", "write", values, async (user) => {
    const target = ids(meetingId, ruleId);
    if (!target) return errorState(values, {}, RULE_REFUSALS.RULE_NOT_FOUND);
    const parsed = parseForm(messageRuleSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await updateMessageRule(db(), { actor: user, meetingId: target.meetingId, ruleId: target.ruleId, ...parsed.data });
    if (!result.ok) return errorState(values, {}, RULE_REFUSALS[result.reason]);
    return done(target.meetingId, "modificato");
  });
}

export async function deleteMessageRuleAction(
  meetingId: string,
  ruleId: string,
  _state: FormState<RuleButtonRaw>,
  formData: FormData,
): Promise<FormState<RuleButtonRaw>> {
  const values = readForm(formData, ruleButtonForm);
  return runDashboardAction("delete-message-rule", "write", values, async (user) => {
    const target = ids(meetingId, ruleId);
    if (!target) return errorState(values, {}, RULE_REFUSALS.RULE_NOT_FOUND);
    const result = await deleteMessageRule(db(), { actor: user, meetingId: target.meetingId, ruleId: target.ruleId });
    if (!result.ok) return errorState(values, {}, RULE_REFUSALS[result.reason]);
    return done(target.meetingId, "eliminato");
  });
}

export async function setMessageRuleActiveAction(
  meetingId: string,
  ruleId: string,
  _state: FormState<RuleActiveRaw>,
  formData: FormData,
): Promise<FormState<RuleActiveRaw>> {
  const values = readForm(formData, ruleActiveForm);
  return runDashboardAction("set-message-rule-active", "write", values, async (user) => {
    const target = ids(meetingId, ruleId);
    if (!target) return errorState(values, {}, RULE_REFUSALS.RULE_NOT_FOUND);
    const active = values.active === "true";
    const result = await setMessageRuleActive(db(), { actor: user, meetingId: target.meetingId, ruleId: target.ruleId, active });
    if (!result.ok) return errorState(values, {}, RULE_REFUSALS[result.reason]);
    return done(target.meetingId, active ? "riattivato" : "disattivato");
  });
}

export async function sendMessageRuleNowAction(
  meetingId: string,
  ruleId: string,
  _state: FormState<RuleButtonRaw>,
  formData: FormData,
): Promise<FormState<RuleButtonRaw>> {
  const values = readForm(formData, ruleButtonForm);
  return runDashboardAction("send-message-rule-now", "write", values, async (user) => {
    const target = ids(meetingId, ruleId);
    if (!target) return errorState(values, {}, RULE_REFUSALS.RULE_NOT_FOUND);
    const result = await sendMessageRuleNow(db(), { actor: user, meetingId: target.meetingId, ruleId: target.ruleId });
    if (!result.ok) return errorState(values, {}, RULE_REFUSALS[result.reason]);
    return done(target.meetingId, "inviato");
  });
}
