// What applying an import would do, planned against the registrations and
// attendance as they are: the preview shows it, the apply carries it out in
// its transaction after planning again. Pure: no database here.
import type { AttendanceMethod, AttendanceStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { matchParticipants, type Registrant, type RowMatch } from "./match";
import { combineSeconds, toMinutes, type Participant } from "./sessions";

export type CurrentAttendance = { status: AttendanceStatus; minutes: number | null; method: AttendanceMethod };

export type PlanRegistrant = Registrant & { status: RegistrationStatus; attendance: CurrentAttendance | null };

/** The coordinator's answers: the registration chosen for each ambiguous row (by the row's index; null: none), and the two options. */
export type PlanOptions = { choices: ReadonlyMap<number, string | null>; markAbsent: boolean; overwriteManual: boolean };

export type Outcome =
  /** Will be written (or was). */
  | "set"
  /** Already recorded exactly so. */
  | "unchanged"
  /** Recorded by hand (minutes typed, absent, or a check-in the report would mark absent) and different: kept, as the coordinator did not tick the overwrite. */
  | "keep-manual"
  /** Recorded by hand and different: replaced, as the coordinator ticked the overwrite. */
  | "overwrite-manual";

export type Target = {
  registrant: PlanRegistrant;
  after: CurrentAttendance;
  outcome: Outcome;
  /** The report's rows that went into it. */
  rows: number[];
};

export type PlannedRow = { index: number; participant: Participant; match: RowMatch; registrationId: string | null };

export type AttendancePlan = {
  rows: PlannedRow[];
  present: Target[];
  /** Confirmed registrants with no row of the report: marked absent only when the coordinator says so. */
  missing: Target[];
  choiceErrors: number[];
};

/** Hand-made records a report does not silently replace. */
export const isManual = (method: AttendanceMethod) => method === "MANUAL" || method === "CHECK_IN";

/**
 * A check-in, or "present" marked by hand without minutes, says someone was
 * there, not for how long: the report's minutes fill it in. Only minutes a
 * coordinator typed (and an absence or presence recorded by hand that the
 * report would reverse) win over the report.
 */
export function reportFillsIn(current: CurrentAttendance, after: CurrentAttendance): boolean {
  return current.status === "PRESENT" && after.status === "PRESENT" && (current.method === "CHECK_IN" || current.minutes === null);
}

function outcomeOf(current: CurrentAttendance | null, after: CurrentAttendance, overwriteManual: boolean): Outcome {
  const same = current !== null && current.status === after.status && current.minutes === after.minutes;
  if (current && isManual(current.method)) {
    if (same) return "unchanged";
    if (!reportFillsIn(current, after)) return overwriteManual ? "overwrite-manual" : "keep-manual";
    return "set";
  }
  return same && current?.method === after.method ? "unchanged" : "set";
}

export function planAttendance(participants: readonly Participant[], registrants: readonly PlanRegistrant[], options: PlanOptions): AttendancePlan {
  const matches = matchParticipants(participants, registrants);
  const known = new Map(registrants.map((registrant) => [registrant.id, registrant]));
  const choiceErrors: number[] = [];
  const rows = participants.map((participant, index): PlannedRow => {
    const match = matches[index];
    if (match.kind === "email" || match.kind === "name") return { index, participant, match, registrationId: match.registrationId };
    if (match.kind === "ambiguous") {
      const chosen = options.choices.get(index) ?? null;
      if (chosen && !match.candidates.includes(chosen)) choiceErrors.push(index);
      return { index, participant, match, registrationId: chosen && match.candidates.includes(chosen) ? chosen : null };
    }
    return { index, participant, match, registrationId: null };
  });

  const grouped = new Map<string, PlannedRow[]>();
  for (const row of rows) {
    if (!row.registrationId) continue;
    const group = grouped.get(row.registrationId);
    if (group) group.push(row);
    else grouped.set(row.registrationId, [row]);
  }
  const present: Target[] = [...grouped.entries()].map(([id, group]) => {
    const registrant = known.get(id) as PlanRegistrant;
    // Several rows for one registration (a laptop with the email, a phone by name): their times combine like rejoins.
    const seconds = combineSeconds(group.map((row) => ({ seconds: row.participant.seconds, intervals: row.participant.intervals })));
    const after: CurrentAttendance = { status: "PRESENT", minutes: toMinutes(seconds), method: "PLATFORM_REPORT" };
    return { registrant, after, outcome: outcomeOf(registrant.attendance, after, options.overwriteManual), rows: group.map((row) => row.index) };
  });

  const absent: CurrentAttendance = { status: "ABSENT", minutes: null, method: "PLATFORM_REPORT" };
  const missing: Target[] = registrants
    .filter((registrant) => registrant.status === "CONFIRMED" && !grouped.has(registrant.id))
    .map((registrant) => ({ registrant, after: absent, outcome: outcomeOf(registrant.attendance, absent, options.overwriteManual), rows: [] }));

  return { rows, present, missing, choiceErrors };
}

/** The records the apply writes: present ones always, absent ones when ticked; kept manual ones never. */
export function writesOf(plan: AttendancePlan, markAbsent: boolean): Target[] {
  return [...plan.present, ...(markAbsent ? plan.missing : [])].filter((target) => target.outcome === "set" || target.outcome === "overwrite-manual");
}
