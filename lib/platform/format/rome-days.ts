// Calendar days in Rome as UTC instants, for filters that take a date range
// ("from 1 March to 31 March" means Rome's days, whatever the server's zone).
import { TIME_ZONE } from "./dates";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-29" when it names a real calendar day, else null. */
export function parseIsoDay(value: string | null | undefined): string | null {
  const match = ISO_DAY.exec(value?.trim() ?? "");
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000 && year <= 2100
    ? match[0]
    : null;
}

/** How far Rome's wall clock is ahead of UTC at this instant, in milliseconds. */
function romeOffset(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant Rome's day "YYYY-MM-DD" begins (midnight is never skipped by daylight saving in Rome). */
export function romeDayStart(isoDay: string): Date {
  const [year, month, day] = isoDay.split("-").map(Number);
  const wallMidnight = Date.UTC(year, month - 1, day);
  const guess = wallMidnight - romeOffset(wallMidnight);
  return new Date(wallMidnight - romeOffset(guess));
}

/** The instant Rome's day "YYYY-MM-DD" ends: the start of the next one (exclusive bound). */
export function romeDayEnd(isoDay: string): Date {
  const [year, month, day] = isoDay.split("-").map(Number);
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return romeDayStart(next);
}
