import { describe, expect, it } from "vitest";
import { registrationWindow } from "./registration-window";

const meeting = {
  status: "PUBLISHED" as const,
  startsAt: new Date("2030-05-10T13:00:00Z"),
  endsAt: new Date("2030-05-10T15:00:00Z"),
  registrationOpensAt: new Date("2030-05-01T07:00:00Z"),
  registrationClosesAt: new Date("2030-05-09T22:00:00Z"),
};

describe("registration window", () => {
  it("is open between opening and closing", () => {
    expect(registrationWindow(meeting, new Date("2030-05-05T10:00:00Z"))).toEqual({ state: "open" });
  });

  it("is not yet open before the opening time", () => {
    expect(registrationWindow(meeting, new Date("2030-04-30T10:00:00Z"))).toEqual({
      state: "not-yet-open",
      opensAt: meeting.registrationOpensAt,
    });
  });

  it("closes at the closing time", () => {
    expect(registrationWindow(meeting, meeting.registrationClosesAt)).toEqual({ state: "closed" });
  });

  it("without a closing time closes when the meeting starts", () => {
    const open = { ...meeting, registrationClosesAt: null };
    expect(registrationWindow(open, new Date("2030-05-10T12:59:00Z")).state).toBe("open");
    expect(registrationWindow(open, meeting.startsAt).state).toBe("closed");
  });

  it("is closed for a past meeting whatever its closing time", () => {
    const late = { ...meeting, registrationClosesAt: new Date("2031-01-01T00:00:00Z") };
    expect(registrationWindow(late, new Date("2030-05-11T00:00:00Z")).state).toBe("closed");
  });

  it("accepts nothing for a cancelled, archived or draft meeting", () => {
    const now = new Date("2030-05-05T10:00:00Z");
    expect(registrationWindow({ ...meeting, status: "CANCELLED" }, now).state).toBe("cancelled");
    expect(registrationWindow({ ...meeting, status: "ARCHIVED" }, now).state).toBe("closed");
    expect(registrationWindow({ ...meeting, status: "DRAFT" }, now).state).toBe("closed");
  });
});
