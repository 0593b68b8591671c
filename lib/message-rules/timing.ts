// When a rule's message goes, and what state it is in: one pure reading of a
// rule and its meeting, shared by the page (what it says) and the scheduler
// (what it sends), so the two never disagree.
import type { MeetingStatus, MessageAnchor, MessageAudience } from "@/lib/generated/prisma/enums";
import { offsetParts, type OffsetUnit } from "./schema";
import { plural } from "@/lib/platform/format/plural";

type Timed = { anchor: MessageAnchor; offsetMinutes: number };
type MeetingTimes = { startsAt: Date; endsAt: Date };

/** The instant a rule's message goes: its offset before the start, or after the end. */
export function ruleMoment(rule: Timed, meeting: MeetingTimes): Date {
  const minutes = rule.offsetMinutes * 60_000;
  return rule.anchor === "BEFORE_START" ? new Date(meeting.startsAt.getTime() - minutes) : new Date(meeting.endsAt.getTime() + minutes);
}

const UNIT_WORDS: Record<OffsetUnit, [string, string]> = {
  MINUTES: ["minuto", "minuti"],
  HOURS: ["ora", "ore"],
  DAYS: ["giorno", "giorni"],
};

/** "2 giorni prima dell'inizio", "1 ora dopo la fine", "all'inizio", "alla fine". */
export function describeWhen(rule: Timed): string {
  if (rule.offsetMinutes === 0) return rule.anchor === "BEFORE_START" ? "all'inizio" : "alla fine";
  const { value, unit } = offsetParts(rule.offsetMinutes);
  const amount = plural(value, ...UNIT_WORDS[unit]);
  return rule.anchor === "BEFORE_START" ? `${amount} prima dell'inizio` : `${amount} dopo la fine`;
}

export type RuleState =
  | { kind: "SENT"; sentAt: Date; recipients: number }
  | { kind: "INACTIVE" }
  | { kind: "MEETING_CANCELLED" }
  /** Waits for the meeting to be published; goes at its time if it is by then. */
  | { kind: "MEETING_DRAFT"; at: Date }
  /** A reminder whose meeting is over before it went (added too late, or the meeting moved): it is no use then, it is not sent. */
  | { kind: "MISSED"; at: Date }
  /** To present or absent people, at or after its time, while no attendance is recorded: it goes once some is. */
  | { kind: "AWAITING_ATTENDANCE"; at: Date }
  | { kind: "DUE"; at: Date }
  | { kind: "SCHEDULED"; at: Date };

type RuleFacts = Timed & { audience: MessageAudience; active: boolean; sentAt: Date | null; recipients: number | null };
type MeetingFacts = MeetingTimes & { status: MeetingStatus };

export function needsAttendance(audience: MessageAudience): boolean {
  return audience === "PRESENT" || audience === "ABSENT";
}

/**
 * Where a rule stands at `now`. `attendanceRecorded` says whether any
 * presence or absence is recorded for the meeting: without it "presenti" is
 * nobody and "assenti" everybody, so such a rule waits rather than go wrong.
 */
export function ruleState(rule: RuleFacts, meeting: MeetingFacts, attendanceRecorded: boolean, now: Date): RuleState {
  if (rule.sentAt) return { kind: "SENT", sentAt: rule.sentAt, recipients: rule.recipients ?? 0 };
  if (meeting.status === "CANCELLED") return { kind: "MEETING_CANCELLED" };
  if (!rule.active) return { kind: "INACTIVE" };
  const at = ruleMoment(rule, meeting);
  if (meeting.status === "DRAFT") return { kind: "MEETING_DRAFT", at };
  if (at > now) return { kind: "SCHEDULED", at };
  if (rule.anchor === "BEFORE_START" && meeting.endsAt <= now) return { kind: "MISSED", at };
  if (needsAttendance(rule.audience) && !attendanceRecorded) return { kind: "AWAITING_ATTENDANCE", at };
  return { kind: "DUE", at };
}
