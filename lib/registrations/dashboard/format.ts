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

/** The date's fields on a clock in Rome. */
export function romeWallClock(date: Date) {
  const parts = Object.fromEntries(romeParts.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
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
