export const TIME_ZONE = "Europe/Rome";

const dateFormat = new Intl.DateTimeFormat("it-IT", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const timeFormat = new Intl.DateTimeFormat("it-IT", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const shortDateFormat = new Intl.DateTimeFormat("it-IT", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "giovedì 24 marzo 2022" */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "24 marzo 2022" */
export function formatShortDate(date: Date): string {
  return shortDateFormat.format(date);
}

/** "15:00" */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

/** "giovedì 24 marzo 2022, ore 15:00" */
export function formatDateTime(date: Date): string {
  return `${formatDate(date)}, ore ${formatTime(date)}`;
}

/**
 * "giovedì 24 marzo 2022, ore 15:00–17:00"; when the end falls on another
 * day: "lunedì 3 ottobre 2022, ore 09:00 – martedì 4 ottobre 2022, ore 13:00".
 */
export function formatDateTimeRange(start: Date, end: Date): string {
  if (formatDate(start) === formatDate(end)) {
    return `${formatDate(start)}, ore ${formatTime(start)}–${formatTime(end)}`;
  }
  return `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

/** The calendar date in Rome as YYYY-MM-DD, for <time dateTime> and comparisons. */
export function romeIsoDate(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
  return parts;
}

/**
 * A calendar day written as YYYY-MM-DD (a notice version, a review date):
 * "2026-11-26" → "26 novembre 2026". Noon UTC is the same day in Rome.
 */
export function formatIsoCalendarDate(isoDate: string): string {
  return formatShortDate(new Date(`${isoDate}T12:00:00Z`));
}

const ARTICLES = { "": ["il ", "l'"], a: ["al ", "all'"], da: ["dal ", "dall'"] } as const;

/**
 * "il 24 marzo 2022", "dal 24 marzo 2022"; before a vowel sound Italian
 * elides the article: "l'8 dicembre 2026", "all'11 aprile 2027".
 */
export function formatShortDateWithArticle(date: Date, preposition: "" | "a" | "da" = ""): string {
  const text = formatShortDate(date);
  const elided = ["1", "8", "11"].includes(text.split(" ")[0]);
  return ARTICLES[preposition][elided ? 1 : 0] + text;
}
