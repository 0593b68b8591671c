import "server-only";
// A meeting's message rules: the coordinators' writes (add, edit, delete,
// deactivate, send now) and the scheduler's run over the rules whose time has
// come. A rule is sent once; a sent rule is read-only.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import {
  attendanceRecorded,
  audienceRecipients,
  deliverRule,
  DELIVERY_TRANSACTION,
  lockedRuleState,
  lockRule,
  type LockedRule,
} from "./delivery/mutations";
import { AUDIENCE_LABELS } from "./labels";
import type { MessageRuleInput } from "./schema";
import { describeWhen, needsAttendance, ruleMoment } from "./timing";

/** Who the scheduler's sends are recorded as in the audit log. */
export const SCHEDULER_ACTOR = { label: "invio programmato" } as const;

export type RuleWriteResult =
  | { ok: true; ruleId: string }
  | { ok: false; reason: "MEETING_NOT_FOUND" | "MEETING_CANCELLED" | "RULE_NOT_FOUND" | "ALREADY_SENT" };

export type SendNowResult =
  | { ok: true; recipients: number }
  | {
      ok: false;
      reason: "RULE_NOT_FOUND" | "ALREADY_SENT" | "MEETING_CANCELLED" | "MEETING_DRAFT" | "NO_ATTENDANCE" | "NO_RECIPIENTS";
    };

/**
 * What the audit log keeps of a rule, readably. Not the text: a coordinator
 * may paste the private join link into it, and the link never goes in the log.
 */
function auditView(rule: Pick<LockedRule, "anchor" | "offsetMinutes" | "audience" | "subject" | "active">) {
  return {
    when: describeWhen(rule),
    audience: AUDIENCE_LABELS[rule.audience],
    subject: rule.subject,
    active: rule.active,
  };
}

export async function createMessageRule(
  db: PrismaClient,
  { actor, meetingId, ...input }: { actor: { id: string }; meetingId: string } & MessageRuleInput,
): Promise<RuleWriteResult> {
  return db.$transaction(async (tx): Promise<RuleWriteResult> => {
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
    if (!meeting) return { ok: false, reason: "MEETING_NOT_FOUND" };
    if (meeting.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
    const rule = await tx.meetingMessageRule.create({ data: { ...input, meetingId, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actor,
      action: "message-rule.create",
      entityType: "Meeting",
      entityId: meetingId,
      after: auditView(input),
      details: { ruleId: rule.id },
    });
    return { ok: true, ruleId: rule.id };
  });
}

/** Runs a change on an unsent rule of the meeting, with the rule locked so a send cannot slip in between. */
async function changeUnsentRule(
  db: PrismaClient,
  meetingId: string,
  ruleId: string,
  change: (tx: Prisma.TransactionClient, rule: LockedRule) => Promise<void>,
): Promise<RuleWriteResult> {
  return db.$transaction(async (tx): Promise<RuleWriteResult> => {
    const rule = await lockRule(tx, { ruleId, meetingId });
    if (!rule) return { ok: false, reason: "RULE_NOT_FOUND" };
    if (rule.sentAt) return { ok: false, reason: "ALREADY_SENT" };
    await change(tx, rule);
    return { ok: true, ruleId };
  }, DELIVERY_TRANSACTION);
}

export async function updateMessageRule(
  db: PrismaClient,
  { actor, meetingId, ruleId, ...input }: { actor: { id: string }; meetingId: string; ruleId: string } & MessageRuleInput,
): Promise<RuleWriteResult> {
  return changeUnsentRule(db, meetingId, ruleId, async (tx, rule) => {
    await tx.meetingMessageRule.update({ where: { id: ruleId }, data: input });
    await recordAudit(tx, {
      actor,
      action: "message-rule.update",
      entityType: "Meeting",
      entityId: meetingId,
      before: auditView(rule),
      after: auditView(input),
      details: { ruleId, textChanged: rule.body !== input.body },
    });
  });
}

export async function deleteMessageRule(
  db: PrismaClient,
  { actor, meetingId, ruleId }: { actor: { id: string }; meetingId: string; ruleId: string },
): Promise<RuleWriteResult> {
  return changeUnsentRule(db, meetingId, ruleId, async (tx, rule) => {
    await tx.meetingMessageRule.delete({ where: { id: ruleId } });
    await recordAudit(tx, {
      actor,
      action: "message-rule.delete",
      entityType: "Meeting",
      entityId: meetingId,
      before: auditView(rule),
      details: { ruleId },
    });
  });
}

export async function setMessageRuleActive(
  db: PrismaClient,
  { actor, meetingId, ruleId, active }: { actor: { id: string }; meetingId: string; ruleId: string; active: boolean },
): Promise<RuleWriteResult> {
  return changeUnsentRule(db, meetingId, ruleId, async (tx, rule) => {
    if (rule.active === active) return;
    await tx.meetingMessageRule.update({ where: { id: ruleId }, data: { active } });
    await recordAudit(tx, {
      actor,
      action: active ? "message-rule.activate" : "message-rule.deactivate",
      entityType: "Meeting",
      entityId: meetingId,
      before: { active: rule.active },
      after: { active },
      details: { ruleId, when: describeWhen(rule), subject: rule.subject },
    });
  });
}

/**
 * "Invia ora": the rule's message goes now, whatever its time, once. Refused
 * for a cancelled or draft meeting, for presenti/assenti while no attendance
 * is recorded, and when nobody would receive it (the rule stays unsent).
 */
export async function sendMessageRuleNow(
  db: PrismaClient,
  { actor, meetingId, ruleId, now = new Date() }: { actor: { id: string }; meetingId: string; ruleId: string; now?: Date },
): Promise<SendNowResult> {
  return db.$transaction(async (tx): Promise<SendNowResult> => {
    const rule = await lockRule(tx, { ruleId, meetingId });
    if (!rule) return { ok: false, reason: "RULE_NOT_FOUND" };
    if (rule.sentAt) return { ok: false, reason: "ALREADY_SENT" };
    if (rule.meeting.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
    if (rule.meeting.status === "DRAFT") return { ok: false, reason: "MEETING_DRAFT" };
    if (needsAttendance(rule.audience) && !(await attendanceRecorded(tx, meetingId))) return { ok: false, reason: "NO_ATTENDANCE" };
    const recipients = await audienceRecipients(tx, { meetingId, audience: rule.audience });
    if (recipients.length === 0) return { ok: false, reason: "NO_RECIPIENTS" };
    await deliverRule(tx, { rule, actor, now, recipients });
    return { ok: true, recipients: recipients.length };
  }, DELIVERY_TRANSACTION);
}

/**
 * The scheduler's pass (every minute): each active, unsent rule of a
 * published or archived meeting whose time has come is sent, one transaction
 * per rule. Draft and cancelled meetings send nothing; a reminder whose
 * meeting is already over is not sent; presenti/assenti wait until some
 * attendance is recorded. A rule whose audience is empty is marked sent to 0
 * people, so it does not linger. Running twice, or twice at once, sends once.
 */
export async function runDueMessageRules(db: PrismaClient, now = new Date()): Promise<{ rules: number; emails: number }> {
  const candidates = await db.meetingMessageRule.findMany({
    where: { active: true, sentAt: null, meeting: { status: { in: ["PUBLISHED", "ARCHIVED"] } } },
    select: { id: true, anchor: true, offsetMinutes: true, meeting: { select: { startsAt: true, endsAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  const total = { rules: 0, emails: 0 };
  for (const candidate of candidates) {
    if (ruleMoment(candidate, candidate.meeting) > now) continue;
    const emails = await db.$transaction(async (tx) => {
      const rule = await lockRule(tx, { ruleId: candidate.id });
      if (!rule) return null;
      const state = await lockedRuleState(tx, { rule, now });
      if (state.kind !== "DUE") return null;
      const recipients = await audienceRecipients(tx, { meetingId: rule.meetingId, audience: rule.audience });
      return deliverRule(tx, { rule, actor: SCHEDULER_ACTOR, now, recipients });
    }, DELIVERY_TRANSACTION);
    if (emails === null) continue;
    total.rules += 1;
    total.emails += emails;
  }
  return total;
}
