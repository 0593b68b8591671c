// Who may receive an attestato di partecipazione. Pure.
//
// Present for at least the meeting's threshold of minutes (exactly the
// threshold is enough). A person marked present with no minutes recorded:
// - if nobody at the meeting has minutes (an in-person meeting recorded by
//   check-in or by hand), presence counts for the whole scheduled duration;
// - if others do have minutes (a platform report was imported), the missing
//   minutes are a gap to fill on the Presenze page, so not eligible yet.
import type { AttendanceStatus } from "@/lib/generated/prisma/enums";
import { plural } from "@/lib/platform/format/plural";

export type EligibilityAttendance = { status: AttendanceStatus; minutes: number | null } | null;

export type EligibilityContext = {
  threshold: number;
  /** The scheduled duration, credited when the meeting has no minutes for anyone. */
  meetingMinutes: number;
  /** Whether anyone at the meeting has minutes recorded. */
  meetingHasMinutes: boolean;
};

export type IneligibleReason = "NOT_RECORDED" | "ABSENT" | "MINUTES_MISSING" | "BELOW_THRESHOLD";

export type Eligibility =
  | { eligible: true; minutes: number; wholeMeeting: boolean }
  | { eligible: false; reason: IneligibleReason; minutes: number | null };

export function certificateEligibility(attendance: EligibilityAttendance, context: EligibilityContext): Eligibility {
  if (!attendance) return { eligible: false, reason: "NOT_RECORDED", minutes: null };
  if (attendance.status !== "PRESENT") return { eligible: false, reason: "ABSENT", minutes: null };
  if (attendance.minutes === null) {
    if (context.meetingHasMinutes) return { eligible: false, reason: "MINUTES_MISSING", minutes: null };
    return context.meetingMinutes >= context.threshold
      ? { eligible: true, minutes: context.meetingMinutes, wholeMeeting: true }
      : { eligible: false, reason: "BELOW_THRESHOLD", minutes: context.meetingMinutes };
  }
  return attendance.minutes >= context.threshold
    ? { eligible: true, minutes: attendance.minutes, wholeMeeting: false }
    : { eligible: false, reason: "BELOW_THRESHOLD", minutes: attendance.minutes };
}

export function ineligibleLabel(reason: IneligibleReason, minutes: number | null, threshold: number): string {
  switch (reason) {
    case "NOT_RECORDED":
      return "Presenza non registrata";
    case "ABSENT":
      return "Assente";
    case "MINUTES_MISSING":
      return "Presente, ma senza minuti registrati (altri partecipanti li hanno): completali nella pagina Presenze";
    case "BELOW_THRESHOLD":
      return `Presente per ${plural(minutes ?? 0, "minuto", "minuti")}, meno dei ${threshold} richiesti`;
  }
}
