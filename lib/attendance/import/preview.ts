// The preview's rows, from a plan: what the page lists under "riconosciuti",
// "da scegliere", "non riconosciuti", the confirmed registrants with no row
// and the hand-made records the report would change.
import type { AttendancePlan, CurrentAttendance, Outcome, PlanRegistrant, Target } from "./plan";

export type PreviewPerson = { id: string; name: string; email: string };

export type PreviewRow = {
  index: number;
  name: string;
  altName: string | null;
  email: string | null;
  minutes: number | null;
  sessions: number;
};

export type MatchedRow = PreviewRow & { by: "email" | "name"; registration: PreviewPerson; outcome: Outcome; current: CurrentAttendance | null; after: CurrentAttendance };
export type AmbiguousRow = PreviewRow & { candidates: PreviewPerson[] };

export type Preview = {
  matched: MatchedRow[];
  ambiguous: AmbiguousRow[];
  unmatched: PreviewRow[];
  missing: Target[];
  /** Hand-made records the report contradicts: kept unless the coordinator ticks the overwrite. */
  manual: (Target & { absentOnly: boolean })[];
};

const person = (registrant: PlanRegistrant): PreviewPerson => ({ id: registrant.id, name: `${registrant.firstName} ${registrant.lastName}`, email: registrant.email });

export function buildPreview(plan: AttendancePlan, registrants: readonly PlanRegistrant[]): Preview {
  const byId = new Map(registrants.map((registrant) => [registrant.id, registrant]));
  const targets = new Map(plan.present.map((target) => [target.registrant.id, target]));
  const preview: Preview = { matched: [], ambiguous: [], unmatched: [], missing: plan.missing, manual: [] };
  for (const row of plan.rows) {
    const base: PreviewRow = {
      index: row.index,
      name: row.participant.name,
      altName: row.participant.altName,
      email: row.participant.email,
      minutes: row.participant.minutes,
      sessions: row.participant.sessions,
    };
    if (row.match.kind === "email" || row.match.kind === "name") {
      const target = targets.get(row.match.registrationId) as Target;
      preview.matched.push({ ...base, by: row.match.kind, registration: person(target.registrant), outcome: target.outcome, current: target.registrant.attendance, after: target.after });
    } else if (row.match.kind === "ambiguous") {
      preview.ambiguous.push({ ...base, candidates: row.match.candidates.map((id) => person(byId.get(id) as PlanRegistrant)) });
    } else {
      preview.unmatched.push(base);
    }
  }
  preview.manual = [
    ...plan.present.filter((target) => target.outcome === "keep-manual").map((target) => ({ ...target, absentOnly: false })),
    ...plan.missing.filter((target) => target.outcome === "keep-manual").map((target) => ({ ...target, absentOnly: true })),
  ];
  return preview;
}
