// Durations as the platforms write them, to seconds: Zoom's whole minutes
// ("45"), Teams' "1h 2m 3s" / "1 h 5 min" (units localised), Meet's
// "1 hr 2 min" / "30 sec", and clock-style "01:05:03".

const UNIT_SECONDS: Record<string, number> = {
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600, ora: 3600, ore: 3600,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60, minuto: 60, minuti: 60,
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, secondo: 1, secondi: 1,
};

const UNIT_PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?/g;

/** Seconds, or null for an empty cell, "--" or a text that is not a duration. */
export function parseDuration(raw: string | undefined): number | null {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || /^-+$/.test(value)) return null;

  // A bare number is minutes (Zoom's "Duration (Minutes)").
  if (/^\d+(?:[.,]\d+)?$/.test(value)) return Math.round(Number(value.replace(",", ".")) * 60);

  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) {
    const [, first, second, third] = clock;
    return third === undefined ? Number(first) * 3600 + Number(second) * 60 : Number(first) * 3600 + Number(second) * 60 + Number(third);
  }

  let seconds = 0;
  let matched = "";
  for (const [whole, amount, unit] of value.matchAll(UNIT_PART)) {
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined) return null;
    seconds += Number(amount.replace(",", ".")) * factor;
    matched += whole;
  }
  // Everything but the unit parts must be spaces, commas or "e"/"and".
  const rest = value.replace(UNIT_PART, " ").replace(/\b(e|and)\b/g, " ").replace(/[\s,]+/g, "");
  if (matched === "" || rest !== "") return null;
  return Math.round(seconds);
}
