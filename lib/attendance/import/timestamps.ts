// Join and leave times, with no time zone (each platform writes the
// organiser's local time): read as wall-clock instants, only ever compared
// with each other within one file. Zoom writes "09/24/2025 09:02:11 AM"
// (US order, whatever the UI language), Teams "16/11/22, 09:21:08" or
// "2/7/26, 10:00:05 AM" (the organiser's locale), the Zoom webinar report
// "Sep 24, 2025 09:02:11", Meet only a time of day.

export type DateOrder = "MDY" | "DMY";

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, dic: 12,
};

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?\s?m\.?)?`;
const NUMERIC = new RegExp(String.raw`^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})[,\sT]+${TIME}$`, "i");
const NAMED = new RegExp(String.raw`^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})[,\s]+${TIME}$`, "i");
const TIME_ONLY = new RegExp(String.raw`^${TIME}$`, "i");

function hours(hour: string, meridiem: string | undefined): number {
  const value = Number(hour);
  if (!meridiem) return value;
  const pm = meridiem.toLowerCase().startsWith("p");
  return (value % 12) + (pm ? 12 : 0);
}

function instant(year: number, month: number, day: number, time: RegExpExecArray, at: number): number | null {
  const [hour, minute, second, meridiem] = [time[at], time[at + 1], time[at + 2], time[at + 3]];
  const fullYear = year < 100 ? 2000 + year : year;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(fullYear, month - 1, day, hours(hour, meridiem), Number(minute), Number(second ?? 0));
  return Number.isFinite(ms) ? ms / 1000 : null;
}

/** The numeric date's first two parts, to decide a file's date order. */
export function numericDateParts(raw: string): [number, number] | null {
  const match = NUMERIC.exec(raw.trim());
  if (!match || match[1].length === 4) return null;
  return [Number(match[1]), Number(match[2])];
}

/** Whether a timestamp carries AM/PM (Teams in a US locale). */
export function hasMeridiem(raw: string): boolean {
  return /\d\s*[ap]\.?\s?m\.?$/i.test(raw.trim());
}

/**
 * The order a file's dates are in: a first part over 12 proves day-first, a
 * second part over 12 month-first; otherwise the platform's default.
 */
export function detectDateOrder(values: readonly string[], fallback: DateOrder): DateOrder {
  for (const value of values) {
    const parts = numericDateParts(value);
    if (!parts) continue;
    if (parts[0] > 12) return "DMY";
    if (parts[1] > 12) return "MDY";
  }
  return fallback;
}

/** Seconds since the epoch of the wall-clock time written; a time of day alone counts from day 0. Null when unreadable. */
export function parseTimestamp(raw: string | undefined, order: DateOrder): number | null {
  const value = (raw ?? "").trim();
  if (value === "" || /^-+$/.test(value)) return null;
  const numeric = NUMERIC.exec(value);
  if (numeric) {
    const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (numeric[1].length === 4) return instant(a, b, c, numeric, 4);
    return order === "MDY" ? instant(c, a, b, numeric, 4) : instant(c, b, a, numeric, 4);
  }
  const named = NAMED.exec(value);
  if (named) {
    const month = MONTHS[named[1].toLowerCase()];
    return month ? instant(Number(named[3]), month, Number(named[2]), named, 4) : null;
  }
  const time = TIME_ONLY.exec(value);
  if (time) return instant(1970, 1, 1, time, 1);
  return null;
}
