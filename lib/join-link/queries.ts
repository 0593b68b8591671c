import "server-only";
// What the meeting's "Link di collegamento" page shows: whether the link can
// be sent, when it will be, and every send so far with its delivery counts.
// The link itself leaves this file only to the confirmation email and to the
// page, which shows it to coordinators alone.
import type { Db } from "@/lib/db";
import { countDelivery, emptyDeliveryCounts, type DeliveryCounts } from "@/lib/email/delivery-counts";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { JoinLinkSendKind } from "@/lib/generated/prisma/enums";
import { joinLinkUnavailable, meetingIdSchema, scheduledSlot, type JoinLinkUnavailable } from "./schema";

export type JoinLinkSendRow = DeliveryCounts & {
  id: string;
  kind: JoinLinkSendKind;
  slot: string;
  joinUrlVersion: number;
  startedAt: Date;
  recipients: number;
  createdBy: string | null;
};

export type PlannedSend = { offsetMinutes: number; at: Date; state: "sent" | "due" | "planned" | "skipped" };

export type JoinLinkOverview = {
  meeting: { id: string; mode: string; startsAt: Date; endsAt: Date; hasJoinUrl: boolean; joinUrlVersion: number; offsets: number[] };
  /** The current link, for coordinators to check what goes out. */
  joinUrl: string | null;
  unavailable: JoinLinkUnavailable | null;
  confirmed: number;
  planned: PlannedSend[];
  sends: JoinLinkSendRow[];
};

async function countsBySend(sendIds: string[], db: Db | Prisma.TransactionClient): Promise<Map<string, DeliveryCounts>> {
  const rows = await db.emailMessage.groupBy({
    by: ["joinLinkSendId", "status"],
    where: { joinLinkSendId: { in: sendIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, DeliveryCounts>();
  for (const id of sendIds) counts.set(id, emptyDeliveryCounts());
  for (const row of rows) {
    const entry = counts.get(row.joinLinkSendId as string);
    if (entry) countDelivery(entry, row.status, row._count._all);
  }
  return counts;
}

/** The page's data; null for an unknown or malformed meeting id. */
export async function getJoinLinkOverview(db: Db, { meetingId, now = new Date() }: { meetingId: string; now?: Date }): Promise<JoinLinkOverview | null> {
  if (!meetingIdSchema.safeParse(meetingId).success) return null;
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      mode: true,
      status: true,
      startsAt: true,
      endsAt: true,
      joinUrl: true,
      joinUrlVersion: true,
      joinLinkOffsetsMinutes: true,
    },
  });
  if (!meeting) return null;
  const [confirmed, sends] = await Promise.all([
    db.registration.count({ where: { meetingId, status: "CONFIRMED" } }),
    db.joinLinkSend.findMany({
      where: { meetingId },
      orderBy: { startedAt: "desc" },
      select: {
        id: true,
        kind: true,
        slot: true,
        joinUrlVersion: true,
        startedAt: true,
        recipients: true,
        createdBy: { select: { name: true, email: true } },
      },
    }),
  ]);
  const counts = await countsBySend(
    sends.map((send) => send.id),
    db,
  );
  const { joinUrl, joinLinkOffsetsMinutes, ...facts } = meeting;
  const hasJoinUrl = Boolean(joinUrl);
  const offsets = [...joinLinkOffsetsMinutes].sort((a, b) => b - a);
  const currentSends = sends.filter((send) => send.joinUrlVersion === meeting.joinUrlVersion);
  const planned = offsets.map((offsetMinutes): PlannedSend => {
    const at = new Date(meeting.startsAt.getTime() - offsetMinutes * 60_000);
    const sent = currentSends.some((send) => send.slot === scheduledSlot(offsetMinutes));
    const state = sent ? "sent" : at > now ? "planned" : meeting.startsAt > now ? "due" : "skipped";
    return { offsetMinutes, at, state };
  });
  return {
    meeting: { ...facts, hasJoinUrl, offsets },
    joinUrl,
    unavailable: joinLinkUnavailable({ ...meeting, hasJoinUrl }, now),
    confirmed,
    planned,
    sends: sends.map(({ createdBy, ...send }) => ({
      ...send,
      createdBy: createdBy ? (createdBy.name ?? createdBy.email) : null,
      ...(counts.get(send.id) as DeliveryCounts),
    })),
  };
}

export type JoinLinkProgress = DeliveryCounts & { sendId: string | null };

/** The delivery of the meeting's latest send, for the page's progress bar. */
export async function getJoinLinkProgress(db: Db, meetingId: string): Promise<JoinLinkProgress> {
  const latest = await db.joinLinkSend.findFirst({ where: { meetingId }, orderBy: { startedAt: "desc" }, select: { id: true } });
  if (!latest) return { sendId: null, pending: 0, sent: 0, failed: 0, total: 0 };
  const counts = await countsBySend([latest.id], db);
  return { sendId: latest.id, ...(counts.get(latest.id) as DeliveryCounts) };
}

/**
 * The link a new confirmation (or promotion) email carries: the meeting's
 * current link once it has been sent to the registrants, so whoever registers
 * after a send is not left without it; before that, the email promises it.
 */
export async function joinUrlForConfirmation(tx: Prisma.TransactionClient, meetingId: string): Promise<string | null> {
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, select: { joinUrl: true, mode: true } });
  if (!meeting?.joinUrl || meeting.mode === "IN_PERSON") return null;
  const sent = await tx.joinLinkSend.findFirst({ where: { meetingId }, select: { id: true } });
  return sent ? meeting.joinUrl : null;
}

/**
 * How many people a change of the join link would email now: everyone
 * confirmed, once a link has been sent (sendUpdatedJoinLinkIfDue), while the
 * meeting can still receive one; 0 otherwise. The editor says it before saving.
 */
export async function updatedJoinLinkRecipients(db: Db, { meetingId, now = new Date() }: { meetingId: string; now?: Date }): Promise<number> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { mode: true, status: true, endsAt: true } });
  if (!meeting || joinLinkUnavailable({ ...meeting, hasJoinUrl: true }, now)) return 0;
  const sent = await db.joinLinkSend.findFirst({ where: { meetingId }, select: { id: true } });
  if (!sent) return 0;
  return db.registration.count({ where: { meetingId, status: "CONFIRMED" } });
}
