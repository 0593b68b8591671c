import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const ruleSelect = {
  id: true,
  anchor: true,
  offsetMinutes: true,
  audience: true,
  subject: true,
  body: true,
  active: true,
  sentAt: true,
  recipients: true,
  createdAt: true,
} satisfies Prisma.MeetingMessageRuleSelect;

export type MessageRuleRow = Prisma.MeetingMessageRuleGetPayload<{ select: typeof ruleSelect }>;

/** A meeting's rules in the order they were added, and whether any attendance is recorded (presenti/assenti wait for it). */
export async function getMeetingMessageRules(db: Db, meetingId: string): Promise<{ rules: MessageRuleRow[]; attendanceRecorded: boolean }> {
  const [rules, attendance] = await Promise.all([
    db.meetingMessageRule.findMany({ where: { meetingId }, select: ruleSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.attendance.findFirst({ where: { registration: { meetingId } }, select: { id: true } }),
  ]);
  return { rules, attendanceRecorded: attendance !== null };
}

/** One rule of the meeting; null for a malformed id, another meeting's rule or none. */
export async function getMessageRule(db: Db, { meetingId, ruleId }: { meetingId: string; ruleId: string }): Promise<MessageRuleRow | null> {
  if (!z.uuid().safeParse(ruleId).success) return null;
  return db.meetingMessageRule.findFirst({ where: { id: ruleId, meetingId }, select: ruleSelect });
}

const meetingSelect = {
  id: true,
  title: true,
  status: true,
  startsAt: true,
  endsAt: true,
  datesPending: true,
  mode: true,
  platform: true,
  venueName: true,
  venueAddress: true,
} satisfies Prisma.MeetingSelect;

export type MessageRulesMeeting = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

/** The meeting the rules page is about; null for a malformed or unknown id. */
export async function getMessageRulesMeeting(db: Db, id: string): Promise<MessageRulesMeeting | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return db.meeting.findUnique({ where: { id }, select: meetingSelect });
}
