import type { CurrentAttendance, Outcome } from "@/lib/attendance/import/plan";
import { minutesLabel } from "@/lib/attendance/messages";
import { ATTENDANCE_METHOD_LABELS } from "@/lib/registrations/dashboard/labels";

/** "Presente, 85 minuti", "Assente", "Non registrata". */
export function attendanceText(attendance: CurrentAttendance | null, withMethod = false): string {
  if (!attendance) return "Non registrata";
  const status = attendance.status === "PRESENT" ? (attendance.minutes === null ? "Presente" : `Presente, ${minutesLabel(attendance.minutes)}`) : "Assente";
  return withMethod ? `${status} (${ATTENDANCE_METHOD_LABELS[attendance.method].toLowerCase()})` : status;
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  set: "Da registrare",
  unchanged: "Già registrata così",
  "keep-manual": "Registrata a mano: mantenuta",
  "overwrite-manual": "Registrata a mano: sostituita",
};
