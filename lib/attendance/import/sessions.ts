// From a report's rows (one per join) to one participant per person, and
// from the participants matched to one registration to its minutes. Rejoins
// add up; sessions that overlap in time (a laptop and a phone at once) count
// once, when the report gives join and leave times.

/** [join, leave] in seconds, wall-clock of the report's file. */
export type Interval = [number, number];

export type Session = {
  name: string;
  /** Zoom's original name, when the display name was changed in the meeting. */
  altName: string | null;
  email: string | null;
  /** The duration the report gives for this row, in seconds. */
  seconds: number | null;
  interval: Interval | null;
};

export type Participant = {
  name: string;
  altName: string | null;
  email: string | null;
  /** Minutes in the meeting, rounded; null when the report has no durations or times. */
  minutes: number | null;
  /** Seconds before rounding, so a participant merged with another stays exact. */
  seconds: number | null;
  /** Rows of the report for this person (2 or more: rejoined). */
  sessions: number;
  /** Every session's interval, when all have one: what lets a later merge skip overlaps. */
  intervals: Interval[] | null;
};

function unionSeconds(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = sorted[0];
  for (const [from, to] of sorted.slice(1)) {
    if (from > end) {
      total += end - start;
      [start, end] = [from, to];
    } else {
      end = Math.max(end, to);
    }
  }
  return total + (end - start);
}

/**
 * The seconds of several parts of one person's attendance. The platform's
 * own durations add up; only when the intervals overlap is the union of the
 * intervals taken instead (Zoom rounds each row up to the minute, so its
 * figures are kept whenever nothing overlaps).
 */
export function combineSeconds(parts: readonly { seconds: number | null; intervals: Interval[] | null }[]): number | null {
  const intervals = parts.every((part) => part.intervals && part.intervals.length > 0) ? parts.flatMap((part) => part.intervals ?? []) : null;
  const durations = parts.map((part) => part.seconds);
  const allDurations = durations.every((seconds) => seconds !== null);
  if (intervals) {
    const union = unionSeconds(intervals);
    const sum = intervals.reduce((total, [from, to]) => total + (to - from), 0);
    if (union < sum || !allDurations) return union;
  }
  if (durations.some((seconds) => seconds !== null)) return durations.reduce<number>((total, seconds) => total + (seconds ?? 0), 0);
  return null;
}

export const toMinutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 60));

/** One participant per email, else per name (words in any order), in the report's order. */
export function mergeSessions(sessions: readonly Session[], keyOf: (session: Session) => string): Participant[] {
  const groups = new Map<string, Session[]>();
  for (const session of sessions) {
    const key = keyOf(session);
    const group = groups.get(key);
    if (group) group.push(session);
    else groups.set(key, [session]);
  }
  return [...groups.values()].map((group) => {
    const parts = group.map((session) => ({ seconds: session.seconds, intervals: session.interval ? [session.interval] : null }));
    const seconds = combineSeconds(parts);
    const withInterval = group.every((session) => session.interval !== null);
    return {
      name: group.find((session) => session.name)?.name ?? "",
      altName: group.find((session) => session.altName)?.altName ?? null,
      email: group.find((session) => session.email)?.email ?? null,
      minutes: toMinutes(seconds),
      seconds,
      sessions: group.length,
      intervals: withInterval ? group.map((session) => session.interval as Interval) : null,
    };
  });
}
