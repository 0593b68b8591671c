import "server-only";
// Sending a meeting's join link: a JoinLinkSend row (unique per meeting, slot
// and link version) and one EmailMessage per confirmed registrant, keyed
// "join-link:<send>:<registration>", written in one transaction that holds
// the meeting's row lock (registrations queue on it, so a registration either
// is in the send or sees it and gets the link in its confirmation). Delivery
// goes in provider batches (lib/email/batch). The link itself never enters
// the audit log or a job: only the version.
import { randomUUID } from "node:crypto";
import type { JoinLinkSendKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/audit/mutations";
import type { Db, DbOrTx, Tx } from "@/lib/db";
import { enqueueBatchEmailsOnce, sendBatchJobs, type BatchEmailInput } from "@/lib/email/batch/mutations";
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import { describeMode } from "@/lib/meetings/labels";
import { withLockedMeeting, type LockedMeeting } from "@/lib/meetings/lock";
import { appOrigin } from "@/lib/site";
import { joinLinkUnavailable, scheduledSlot, UPDATED_SLOT, type JoinLinkUnavailable } from "./schema";
import { routes } from "@/lib/routes";
import { whenAndWhereSelect } from "@/lib/meetings/when-and-where";

/** The actor of sends nobody clicked: the minute scheduler. */
export const SCHEDULER_ACTOR = { label: "invio programmato" } as const;

export type JoinLinkSendFailure = JoinLinkUnavailable | "NOT_FOUND" | "ALREADY_SENT" | "SEND_IN_PROGRESS" | "NO_RECIPIENTS";
export type JoinLinkSendResult = { ok: true; sendId: string; recipients: number } | { ok: false; reason: JoinLinkSendFailure };

type SendRequest = {
  meetingId: string;
  kind: JoinLinkSendKind;
  slot: string;
  scheduledFor?: Date | null;
  actor: AuditActor;
  now: Date;
};

/**
 * One send, alone or inside the caller's transaction. Refuses when the
 * meeting cannot receive one (not online, no link, not published, over) and
 * when this slot of this link version already went out (two scheduler ticks,
 * two clicks).
 */
export async function createJoinLinkSend(db: DbOrTx, request: SendRequest): Promise<JoinLinkSendResult> {
  return withLockedMeeting(db, { id: request.meetingId }, (tx, locked) => sendLocked(tx, locked, request));
}

async function sendLocked(tx: Tx, locked: LockedMeeting | null, request: SendRequest): Promise<JoinLinkSendResult> {
  if (!locked) return { ok: false, reason: "NOT_FOUND" };
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: request.meetingId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      ...whenAndWhereSelect,
      joinUrl: true,
      joinUrlVersion: true,
    },
  });
  const unavailable = joinLinkUnavailable({ ...meeting, hasJoinUrl: Boolean(meeting.joinUrl) }, request.now);
  if (unavailable) return { ok: false, reason: unavailable };
  const joinUrl = meeting.joinUrl as string;

  if (request.kind === "MANUAL") {
    // A second click while the first send is still going out would email everyone twice.
    const inProgress = await tx.emailMessage.count({
      where: { joinLinkSend: { meetingId: meeting.id, joinUrlVersion: meeting.joinUrlVersion }, status: { in: ["PENDING", "SENDING"] } },
    });
    if (inProgress > 0) return { ok: false, reason: "SEND_IN_PROGRESS" };
  }

  const registrations = await tx.registration.findMany({
    where: { meetingId: meeting.id, status: "CONFIRMED" },
    select: { id: true, person: { select: { email: true, firstName: true, lastName: true } } },
    orderBy: { arrival: "asc" },
  });
  if (request.kind === "MANUAL" && registrations.length === 0) return { ok: false, reason: "NO_RECIPIENTS" };

  // ON CONFLICT DO NOTHING: a unique violation would abort the caller's transaction.
  const [send] = await tx.joinLinkSend.createManyAndReturn({
    data: [
      {
        meetingId: meeting.id,
        kind: request.kind,
        slot: request.slot,
        joinUrlVersion: meeting.joinUrlVersion,
        scheduledFor: request.scheduledFor ?? null,
        createdById: "id" in request.actor ? request.actor.id : null,
        startedAt: request.now,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!send) return { ok: false, reason: "ALREADY_SENT" };

  const common = {
    meetingTitle: meeting.title,
    when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
    where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
    // Only the personal link's hash is stored: the email points at the public page instead.
    meetingUrl: `${appOrigin()}${routes.public.meeting(meeting.slug).page()}`,
    joinUrl,
    updated: request.kind === "UPDATED",
  };
  const messages: BatchEmailInput[] = registrations.map((registration) => ({
    template: "join-link",
    toEmail: registration.person.email,
    toName: `${registration.person.firstName} ${registration.person.lastName}`,
    data: { ...common, recipientName: registration.person.firstName },
    meetingId: meeting.id,
    registrationId: registration.id,
    joinLinkSendId: send.id,
    dedupeKey: `join-link:${send.id}:${registration.id}`,
  }));
  const written = await enqueueBatchEmailsOnce(tx, messages);
  await sendBatchJobs(tx, { joinLinkSendId: send.id, messages: written.length });
  await tx.joinLinkSend.update({ where: { id: send.id }, data: { recipients: written.length } });

  await recordAudit(tx, {
    actor: request.actor,
    action: "join-link.send",
    entityType: "Meeting",
    entityId: meeting.id,
    details: { sendId: send.id, kind: request.kind, slot: request.slot, joinUrlVersion: meeting.joinUrlVersion, recipients: written.length },
  });
  return { ok: true, sendId: send.id, recipients: written.length };
}

/** The coordinator's "Invia ora": everyone confirmed now, once per click. */
export async function sendJoinLinkNow(
  db: Db,
  { actor, meetingId, now = new Date() }: { actor: { id: string }; meetingId: string; now?: Date },
): Promise<JoinLinkSendResult> {
  return createJoinLinkSend(db, { meetingId, kind: "MANUAL", slot: `manual-${randomUUID()}`, actor, now });
}

/**
 * After a change of link, in the transaction of the change (or from the
 * scheduler): if an older version of the link had been sent and this one has
 * not, everyone confirmed gets the new one under "Link aggiornato".
 */
export async function sendUpdatedJoinLinkIfDue(
  db: DbOrTx,
  { meetingId, actor, now = new Date() }: { meetingId: string; actor: AuditActor; now?: Date },
): Promise<JoinLinkSendResult | null> {
  return withLockedMeeting(db, { id: meetingId }, async (tx, locked): Promise<JoinLinkSendResult | null> => {
    if (!locked) return null;
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { joinUrlVersion: true } });
    const [older, current] = await Promise.all([
      tx.joinLinkSend.count({ where: { meetingId, joinUrlVersion: { lt: meeting.joinUrlVersion } } }),
      tx.joinLinkSend.count({ where: { meetingId, joinUrlVersion: meeting.joinUrlVersion } }),
    ]);
    if (older === 0 || current > 0) return null;
    return createJoinLinkSend(tx, { meetingId, kind: "UPDATED", slot: UPDATED_SLOT, actor, now });
  });
}

export type UpdateOffsetsResult = { ok: true; offsets: number[] } | { ok: false; reason: "NOT_FOUND" };

/** The moments (minutes before the start) at which the scheduler sends the link. */
export async function updateJoinLinkOffsets(
  db: Db,
  { actor, meetingId, offsets }: { actor: { id: string }; meetingId: string; offsets: number[] },
): Promise<UpdateOffsetsResult> {
  return withLockedMeeting(db, { id: meetingId }, async (tx, locked): Promise<UpdateOffsetsResult> => {
    if (!locked) return { ok: false, reason: "NOT_FOUND" };
    const before = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { joinLinkOffsetsMinutes: true } });
    await tx.meeting.update({ where: { id: meetingId }, data: { joinLinkOffsetsMinutes: offsets } });
    await recordAudit(tx, {
      actor,
      action: "join-link.offsets",
      entityType: "Meeting",
      entityId: meetingId,
      before: { joinLinkOffsetsMinutes: before.joinLinkOffsetsMinutes },
      after: { joinLinkOffsetsMinutes: offsets },
    });
    return { ok: true, offsets };
  });
}

type DueScheduled = { id: string; offset: number; scheduledFor: Date };

/**
 * The scheduler's part (lib/scheduling/due-work.ts), once a minute and again
 * after downtime. For each published online or hybrid meeting with a link:
 * - the link changed after an earlier send → an UPDATED send (until the end);
 * - the latest offset whose moment has passed, before the start, unless a send
 *   of this link version went out at or after that moment → a SCHEDULED send.
 * After downtime only the latest missed offset goes: nobody gets "24 ore
 * prima" and "1 ora prima" in the same minute, and nothing goes once the
 * meeting has started. The unique slot makes a second run, or two schedulers
 * at once, send nothing twice.
 */
export async function runDueJoinLinkSends(db: Db, now = new Date()): Promise<{ sends: number; recipients: number }> {
  let sends = 0;
  let recipients = 0;
  const count = (result: JoinLinkSendResult | null) => {
    if (result?.ok) {
      sends++;
      recipients += result.recipients;
    }
  };

  const updated = await db.$queryRaw<{ id: string }[]>`
    SELECT m.id FROM "Meeting" m
    WHERE m.status = 'PUBLISHED' AND m.mode IN ('ONLINE', 'HYBRID') AND m."joinUrl" IS NOT NULL AND m."endsAt" > ${now}
      AND EXISTS (SELECT 1 FROM "JoinLinkSend" s WHERE s."meetingId" = m.id AND s."joinUrlVersion" < m."joinUrlVersion")
      AND NOT EXISTS (SELECT 1 FROM "JoinLinkSend" s WHERE s."meetingId" = m.id AND s."joinUrlVersion" = m."joinUrlVersion")`;
  for (const { id } of updated) {
    count(await sendUpdatedJoinLinkIfDue(db, { meetingId: id, actor: SCHEDULER_ACTOR, now }));
  }

  const due = await db.$queryRaw<DueScheduled[]>`
    WITH due AS (
      SELECT m.id, m."joinUrlVersion" AS version, min(o)::int AS "offset", m."startsAt" - make_interval(mins => min(o)) AS "scheduledFor"
      FROM "Meeting" m CROSS JOIN LATERAL unnest(m."joinLinkOffsetsMinutes") AS o
      WHERE m.status = 'PUBLISHED' AND m.mode IN ('ONLINE', 'HYBRID') AND m."joinUrl" IS NOT NULL
        AND m."startsAt" > ${now} AND o > 0 AND m."startsAt" - make_interval(mins => o) <= ${now}
      GROUP BY m.id
    )
    SELECT d.id, d."offset", d."scheduledFor" FROM due d
    WHERE NOT EXISTS (
      SELECT 1 FROM "JoinLinkSend" s
      WHERE s."meetingId" = d.id AND s."joinUrlVersion" = d.version AND s."startedAt" >= d."scheduledFor"
    )`;
  for (const meeting of due) {
    count(
      await createJoinLinkSend(db, {
        meetingId: meeting.id,
        kind: "SCHEDULED",
        slot: scheduledSlot(meeting.offset),
        scheduledFor: meeting.scheduledFor,
        actor: SCHEDULER_ACTOR,
        now,
      }),
    );
  }
  return { sends, recipients };
}
