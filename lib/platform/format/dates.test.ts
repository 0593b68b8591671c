import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateTimeRange, romeIsoDate } from "./dates";

describe("Italian dates in Europe/Rome", () => {
  it("runs with a process time zone far from Rome", () => {
    expect(new Date("2022-03-24T14:00:00Z").getTimezoneOffset()).not.toBe(-60);
  });

  it("shows the reference meeting as in the letter (winter time, UTC+1)", () => {
    expect(formatDateTimeRange(new Date("2022-03-24T14:00:00Z"), new Date("2022-03-24T16:00:00Z"))).toBe(
      "giovedì 24 marzo 2022, ore 15:00–17:00",
    );
  });

  it("applies summer time (UTC+2)", () => {
    expect(formatDateTime(new Date("2022-03-28T07:30:00Z"))).toBe("lunedì 28 marzo 2022, ore 09:30");
  });

  it("names both days when a meeting spans midnight in Rome", () => {
    expect(formatDateTimeRange(new Date("2022-10-03T20:00:00Z"), new Date("2022-10-03T22:30:00Z"))).toBe(
      "lunedì 3 ottobre 2022, ore 22:00 – martedì 4 ottobre 2022, ore 00:30",
    );
  });

  it("gives the calendar day in Rome, not in UTC", () => {
    expect(romeIsoDate(new Date("2022-06-30T23:30:00Z"))).toBe("2022-07-01");
  });
});
