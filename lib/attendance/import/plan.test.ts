import { describe, expect, it } from "vitest";
import { planAttendance, writesOf, type PlanRegistrant } from "./plan";
import type { Participant } from "./sessions";

const registrant = (id: string, firstName: string, lastName: string, attendance: PlanRegistrant["attendance"] = null, status: PlanRegistrant["status"] = "CONFIRMED"): PlanRegistrant => ({
  id,
  firstName,
  lastName,
  email: `${id}@comune.example.it`,
  status,
  attendance,
});

const participant = (name: string, email: string | null, minutes: number, intervals: [number, number][] | null = null): Participant => ({
  name,
  altName: null,
  email,
  minutes,
  seconds: minutes * 60,
  sessions: intervals?.length ?? 1,
  intervals,
});

const options = { choices: new Map<number, string | null>(), markAbsent: false, overwriteManual: false };

describe("planAttendance", () => {
  it("combines two rows of one registrant (the email on a laptop, the name on a phone) without counting the overlap twice", () => {
    const plan = planAttendance(
      [participant("Giuseppe Verdi", "verdi@comune.example.it", 60, [[0, 3600]]), participant("Verdi Giuseppe", null, 30, [[1800, 5400]])],
      [registrant("verdi", "Giuseppe", "Verdi")],
      options,
    );
    expect(plan.present).toHaveLength(1);
    expect(plan.present[0]).toMatchObject({ after: { status: "PRESENT", minutes: 90, method: "PLATFORM_REPORT" }, outcome: "set", rows: [0, 1] });
  });

  it("fills in the minutes of a check-in or of a presence marked by hand without minutes; typed minutes and a hand-made record equal to the report stay", () => {
    const plan = planAttendance(
      [participant("Giuseppe Verdi", null, 118), participant("Maria Rossi", null, 45), participant("Paolo Neri", null, 50), participant("Carla Bianchi", null, 70)],
      [
        registrant("verdi", "Giuseppe", "Verdi", { status: "PRESENT", minutes: null, method: "CHECK_IN" }),
        registrant("rossi", "Maria", "Rossi", { status: "PRESENT", minutes: 45, method: "MANUAL" }),
        registrant("neri", "Paolo", "Neri", { status: "PRESENT", minutes: null, method: "MANUAL" }),
        registrant("bianchi", "Carla", "Bianchi", { status: "PRESENT", minutes: 30, method: "MANUAL" }),
      ],
      options,
    );
    expect(plan.present.map((target) => [target.registrant.id, target.outcome])).toEqual([
      ["verdi", "set"],
      ["rossi", "unchanged"],
      ["neri", "set"],
      ["bianchi", "keep-manual"],
    ]);
    expect(writesOf(plan, false).map((target) => [target.registrant.id, target.after.minutes])).toEqual([
      ["verdi", 118],
      ["neri", 50],
    ]);
  });

  it("keeps a check-in the report would mark absent, and an absence recorded by hand", () => {
    const plan = planAttendance(
      [participant("Maria Rossi", null, 45)],
      [
        registrant("verdi", "Giuseppe", "Verdi", { status: "PRESENT", minutes: null, method: "CHECK_IN" }),
        registrant("rossi", "Maria", "Rossi", { status: "ABSENT", minutes: null, method: "MANUAL" }),
      ],
      { ...options, markAbsent: true },
    );
    expect(plan.missing.map((target) => [target.registrant.id, target.outcome])).toEqual([["verdi", "keep-manual"]]);
    expect(plan.present.map((target) => [target.registrant.id, target.outcome])).toEqual([["rossi", "keep-manual"]]);
    expect(writesOf(plan, true)).toEqual([]);
  });

  it("lists the confirmed registrants with no row, writing them absent only when asked; the waitlisted are left alone", () => {
    const registrants = [registrant("verdi", "Giuseppe", "Verdi"), registrant("neri", "Paolo", "Neri"), registrant("bianchi", "Carla", "Bianchi", null, "WAITLISTED")];
    const plan = planAttendance([participant("Giuseppe Verdi", null, 60)], registrants, options);
    expect(plan.missing.map((target) => target.registrant.id)).toEqual(["neri"]);
    expect(writesOf(plan, false).map((target) => target.registrant.id)).toEqual(["verdi"]);
    expect(writesOf(plan, true).map((target) => [target.registrant.id, target.after.status])).toEqual([
      ["verdi", "PRESENT"],
      ["neri", "ABSENT"],
    ]);
  });

  it("applies the coordinator's choice for an ambiguous row, and flags a choice that is no candidate", () => {
    const registrants = [registrant("russo-a", "Salvatore", "Russo"), registrant("russo-b", "Salvatore", "Russo"), registrant("neri", "Paolo", "Neri")];
    const chosen = planAttendance([participant("Russo Salvatore", null, 40)], registrants, { ...options, choices: new Map([[0, "russo-b"]]) });
    expect(chosen.present.map((target) => target.registrant.id)).toEqual(["russo-b"]);
    expect(chosen.choiceErrors).toEqual([]);
    const none = planAttendance([participant("Russo Salvatore", null, 40)], registrants, options);
    expect(none.present).toEqual([]);
    const stale = planAttendance([participant("Russo Salvatore", null, 40)], registrants, { ...options, choices: new Map([[0, "neri"]]) });
    expect(stale.choiceErrors).toEqual([0]);
    expect(stale.present).toEqual([]);
  });
});
