// Dates as the dashboard's tables and exports write them: numeric, Rome time.
import { TIME_ZONE } from "@/lib/platform/format/dates";

const romeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

function formattedWallClock(date: Date): WallClock {
  const parts = Object.fromEntries(romeParts.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

const HOUR = 3600_000;

/** Rome's wall clock as a UTC time, to the second (what formatToParts shows). */
const wallClockTime = (t: WallClock) => Date.UTC(+t.year, +t.month - 1, +t.day, +t.hour, +t.minute, +t.second);

/**
 * Rome's offset from UTC over one UTC hour, or null when it changes within
 * it. Rome changes only on whole UTC hours (01:00 UTC, the last Sundays of
 * March and October), so an export's thousands of dates cost formatToParts
 * (slow, and the most of an export's time) twice an hour of data, not once a date.
 */
const offsets = new Map<number, number | null>();

function offsetOver(hour: number): number | null {
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR;
    const last = start + HOUR - 1000;
    const atStart = wallClockTime(formattedWallClock(new Date(start))) - start;
    offset = wallClockTime(formattedWallClock(new Date(last))) - last === atStart ? atStart : null;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

const two = (value: number) => String(value).padStart(2, "0");

/** The date's fields on a clock in Rome. */
export function romeWallClock(date: Date): WallClock {
  const time = date.getTime();
  const offset = Number.isFinite(time) ? offsetOver(Math.floor(time / HOUR)) : null;
  if (offset === null) return formattedWallClock(date);
  const local = new Date(Math.floor(time / 1000) * 1000 + offset);
  return {
    year: String(local.getUTCFullYear()),
    month: two(local.getUTCMonth() + 1),
    day: two(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    second: two(local.getUTCSeconds()),
  };
}

/** "24/03/2022 15:00", Rome time, as Italian spreadsheets read a date. */
export function formatNumericDateTime(date: Date): string {
  const t = romeWallClock(date);
  return `${t.day}/${t.month}/${t.year} ${t.hour}:${t.minute}`;
}

/** "24/03" from a YYYY-MM-DD calendar day. */
export function formatDayMonth(isoDay: string): string {
  const [, month, day] = isoDay.split("-");
  return `${day}/${month}`;
}
