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

  it("treats a check-in like a hand-made record, and a hand-made record equal to the report as unchanged", () => {
    const plan = planAttendance(
      [participant("Giuseppe Verdi", null, 60), participant("Maria Rossi", null, 45)],
      [
        registrant("verdi", "Giuseppe", "Verdi", { status: "PRESENT", minutes: null, method: "CHECK_IN" }),
        registrant("rossi", "Maria", "Rossi", { status: "PRESENT", minutes: 45, method: "MANUAL" }),
      ],
      options,
    );
    expect(plan.present.map((target) => target.outcome)).toEqual(["keep-manual", "unchanged"]);
    expect(writesOf(plan, false)).toEqual([]);
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
