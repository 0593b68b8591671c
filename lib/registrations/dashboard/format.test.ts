import { describe, expect, it } from "vitest";
import { formatNumericDateTime, romeWallClock } from "./format";

const intl = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Rome",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function direct(date: Date) {
  const parts = Object.fromEntries(intl.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

describe("Rome's wall clock", () => {
  it("reads as Intl does, every few minutes over two years and minute by minute across each change of time", () => {
    const instants: number[] = [];
    for (let time = Date.parse("2025-01-01T00:00:00.000Z"); time < Date.parse("2027-01-01T00:00:00Z"); time += 37 * 60_000 + 13_457) instants.push(time);
    for (const change of ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2025-10-26T01:00:00Z"]) {
      for (let time = Date.parse(change) - 2 * 3600_000; time < Date.parse(change) + 2 * 3600_000; time += 60_000 - 1) instants.push(time);
    }
    // Before 1893 Rome kept its local mean time (+0:49:56): an offset changing off the hour.
    for (let time = Date.parse("1893-10-31T22:00:00Z"); time < Date.parse("1893-11-01T01:00:00Z"); time += 61_001) instants.push(time);
    for (const time of instants) expect(romeWallClock(new Date(time)), new Date(time).toISOString()).toEqual(direct(new Date(time)));
  });

  it("writes the numeric date the exports use", () => {
    expect(formatNumericDateTime(new Date("2026-03-29T00:59:59Z"))).toBe("29/03/2026 01:59");
    expect(formatNumericDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("29/03/2026 03:00");
    expect(() => romeWallClock(new Date(Number.NaN))).toThrow(RangeError);
  });
});
