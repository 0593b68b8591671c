// Date and time as a coordinator types them in a form (an <input
// type="datetime-local">, "2022-03-24T15:00"): wall-clock time in Rome,
// whatever zone the browser or the server runs in. Stored as a UTC instant.
import { TIME_ZONE } from "./dates";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function romeParts(date: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** Rome's offset from UTC at that instant, in milliseconds (+1h in winter, +2h in summer). */
function romeOffset(instant: number): number {
  const p = romeParts(new Date(instant));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(instant / 60_000) * 60_000;
}

/**
 * "2022-03-24T15:00" read as Rome's wall-clock time → the UTC instant, or
 * null when the text is no such date. A time skipped by the spring change
 * (02:30 on the last Sunday of March) is null too: it never happens in Rome.
 */
export function romeLocalToUtc(value: string): Date | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then at the corrected instant: right on both sides of a change.
  let instant = wall - romeOffset(wall);
  instant = wall - romeOffset(instant);
  const check = romeParts(new Date(instant));
  if (check.year !== year || check.month !== month || check.day !== day || check.hour !== hour || check.minute !== minute) {
    return null;
  }
  return new Date(instant);
}

const pad = (value: number) => String(value).padStart(2, "0");

/** The UTC instant as Rome's wall-clock time, the value a datetime-local input shows. */
export function utcToRomeLocal(date: Date): string {
  const p = romeParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
