import { describe, expect, it } from "vitest";
import { romeLocalToUtc, utcToRomeLocal } from "./rome-local";

describe("wall-clock time in Rome typed in a form", () => {
  it("is UTC+1 in winter and UTC+2 in summer, whatever the process's zone", () => {
    expect(romeLocalToUtc("2022-03-24T15:00")?.toISOString()).toBe("2022-03-24T14:00:00.000Z");
    expect(romeLocalToUtc("2022-07-01T09:30")?.toISOString()).toBe("2022-07-01T07:30:00.000Z");
    expect(romeLocalToUtc("2022-03-15T00:00")?.toISOString()).toBe("2022-03-14T23:00:00.000Z");
  });

  it("reads both sides of the clock changes, and refuses the hour that does not exist", () => {
    expect(romeLocalToUtc("2026-03-29T01:59")?.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(romeLocalToUtc("2026-03-29T02:30")).toBeNull();
    expect(romeLocalToUtc("2026-03-29T03:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(romeLocalToUtc("2026-10-25T04:00")?.toISOString()).toBe("2026-10-25T03:00:00.000Z");
  });

  it("refuses what is not a date", () => {
    for (const value of ["", "24/03/2022 15:00", "2022-02-30T10:00", "2022-13-01T10:00", "2022-03-24T25:00"]) {
      expect(romeLocalToUtc(value)).toBeNull();
    }
  });

  it("shows an instant as the input's value, round trip", () => {
    expect(utcToRomeLocal(new Date("2022-03-24T14:00:00Z"))).toBe("2022-03-24T15:00");
    expect(utcToRomeLocal(new Date("2022-03-14T23:00:00Z"))).toBe("2022-03-15T00:00");
    for (const value of ["2026-01-01T00:00", "2026-08-15T23:59", "2026-10-25T01:30"]) {
      expect(utcToRomeLocal(romeLocalToUtc(value)!)).toBe(value);
    }
  });
});
