import "server-only";
// Sending one rule's message: every recipient of its audience gets one
// email, then the rule is marked sent, in the transaction that holds the
// rule's row lock. A second run (the scheduler twice, "Invia ora" pressed
// by two coordinators, both at once) waits for the lock, finds the rule sent
// and sends nothing; the dedupe key is the last guard.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { MessageAudience } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/mutations";
import { enqueueEmailOnce } from "@/lib/email/mutations";
import { appOrigin } from "@/lib/site";
import { meetingFacts } from "../facts";
import { AUDIENCE_LABELS } from "../labels";
import { fillPlaceholders, type PlaceholderValues } from "../placeholders";
import { describeWhen, ruleState, type RuleState } from "../timing";
import { routes } from "@/lib/routes";
import { whenAndWhereSelect } from "@/lib/meetings/when-and-where";

export const MESSAGE_TEMPLATE = "meeting-message" as const;

export const DELIVERY_TRANSACTION = { maxWait: 30_000, timeout: 60_000 } as const;

export function messageDedupeKey(ruleId: string, registrationId: string): string {
  return `message-rule:${ruleId}:${registrationId}`;
}

const meetingSelect = {
  id: true,
  slug: true,
  status: true,
  title: true,
  ...whenAndWhereSelect,
  joinUrl: true,
} satisfies Prisma.MeetingSelect;

const ruleSelect = {
  id: true,
  meetingId: true,
  anchor: true,
  offsetMinutes: true,
  audience: true,
  subject: true,
  body: true,
  active: true,
  sentAt: true,
  recipients: true,
  meeting: { select: meetingSelect },
} satisfies Prisma.MeetingMessageRuleSelect;

export type LockedRule = Prisma.MeetingMessageRuleGetPayload<{ select: typeof ruleSelect }>;

/**
 * Locks the rule's row (and, shared, its meeting's, so a cancellation
 * waits for a send in progress and a send waits for a cancellation), then
 * reads both. Null when the rule does not exist (or not in this meeting).
 */
export async function lockRule(tx: Tx, { ruleId, meetingId }: { ruleId: string; meetingId?: string }): Promise<LockedRule | null> {
  const rows = await tx.$queryRaw<{ meetingId: string }[]>`
    SELECT "meetingId" FROM "MeetingMessageRule" WHERE id = ${ruleId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || (meetingId && row.meetingId !== meetingId)) return null;
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${row.meetingId}::uuid FOR SHARE`;
  return tx.meetingMessageRule.findUnique({ where: { id: ruleId }, select: ruleSelect });
}

/** Whether any presence or absence is recorded for the meeting. */
export async function attendanceRecorded(tx: Tx, meetingId: string): Promise<boolean> {
  const found = await tx.attendance.findFirst({ where: { registration: { meetingId } }, select: { id: true } });
  return found !== null;
}

/** The rule's state now, read inside the lock. */
export async function lockedRuleState(tx: Tx, { rule, now }: { rule: LockedRule; now: Date }): Promise<RuleState> {
  const recorded = await attendanceRecorded(tx, rule.meetingId);
  return ruleState(rule, rule.meeting, recorded, now);
}

/**
 * Who receives a rule's message. Presenti: registrations (not cancelled)
 * marked present. Assenti: confirmed registrations not marked present — marked
 * absent or with nothing recorded, since a platform report lists only who
 * joined. Erased people receive nothing.
 */
function audienceWhere(meetingId: string, audience: MessageAudience): Prisma.RegistrationWhereInput {
  const base = { meetingId, person: { erasedAt: null } } satisfies Prisma.RegistrationWhereInput;
  switch (audience) {
    case "CONFIRMED":
      return { ...base, status: "CONFIRMED" };
    case "WAITLISTED":
      return { ...base, status: "WAITLISTED" };
    case "PRESENT":
      return { ...base, status: { not: "CANCELLED" }, attendance: { is: { status: "PRESENT" } } };
    case "ABSENT":
      return { ...base, status: "CONFIRMED", OR: [{ attendance: { is: null } }, { attendance: { is: { status: "ABSENT" } } }] };
  }
}

export function audienceRecipients(tx: Tx, { meetingId, audience }: { meetingId: string; audience: MessageAudience }) {
  return tx.registration.findMany({
    where: audienceWhere(meetingId, audience),
    select: { id: true, person: { select: { email: true, firstName: true, lastName: true } } },
    orderBy: { arrival: "asc" },
  });
}

/**
 * Writes one email per recipient (placeholders filled for each), marks the
 * rule sent with how many received it, and records who sent it. Call with
 * the rule locked and its state checked.
 */
export async function deliverRule(
  tx: Tx,
  { rule, actor, now, recipients }: { rule: LockedRule; actor: AuditActor; now: Date; recipients: Awaited<ReturnType<typeof audienceRecipients>> },
): Promise<number> {
  const { meeting } = rule;
  const facts = meetingFacts(meeting);
  const meetingUrl = `${appOrigin()}${routes.public.meeting(meeting.slug).page()}`;
  // The portal never adds the join link; if the coordinator pasted it, the
  // email says so in its data, so logs and the console redact it.
  const pastedJoinUrl = meeting.joinUrl && `${rule.subject}\n${rule.body}`.includes(meeting.joinUrl) ? meeting.joinUrl : null;
  let emails = 0;
  for (const registration of recipients) {
    const { person } = registration;
    const values: PlaceholderValues = { ...facts, firstName: person.firstName, lastName: person.lastName };
    const enqueued = await enqueueEmailOnce(tx, {
      template: MESSAGE_TEMPLATE,
      toEmail: person.email,
      toName: `${person.firstName} ${person.lastName}`,
      meetingId: meeting.id,
      registrationId: registration.id,
      dedupeKey: messageDedupeKey(rule.id, registration.id),
      data: {
        ...facts,
        recipientName: person.firstName,
        meetingUrl,
        subject: fillPlaceholders(rule.subject, values),
        body: fillPlaceholders(rule.body, values, { markdown: true }),
        audience: rule.audience,
        ...(pastedJoinUrl ? { joinUrl: pastedJoinUrl } : {}),
      },
    });
    if (enqueued) emails += 1;
  }
  await tx.meetingMessageRule.update({ where: { id: rule.id }, data: { sentAt: now, recipients: recipients.length } });
  await recordAudit(tx, {
    actor,
    action: "message-rule.send",
    entityType: "Meeting",
    entityId: meeting.id,
    details: {
      ruleId: rule.id,
      when: describeWhen(rule),
      audience: AUDIENCE_LABELS[rule.audience],
      subject: rule.subject,
      recipients: recipients.length,
      ...("id" in actor ? { manual: true } : {}),
    },
  });
  return emails;
}
