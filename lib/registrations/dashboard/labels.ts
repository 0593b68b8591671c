import type { AttendanceMethod, AttendanceStatus, RegistrationSource, RegistrationStatus } from "@/lib/generated/prisma/enums";

export const SOURCE_LABELS: Record<RegistrationSource, string> = {
  SELF: "Iscrizione diretta",
  INVITATION: "Su invito",
  COORDINATOR: "Inserita dal coordinamento",
  IMPORT: "Importata",
};

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  PRESENT: "Presente",
  ABSENT: "Assente",
};

export const ATTENDANCE_METHOD_LABELS: Record<AttendanceMethod, string> = {
  MANUAL: "Registrata a mano",
  CHECK_IN: "Check-in",
  PLATFORM_REPORT: "Report della piattaforma",
};

/** Bootstrap Italia badge colour for each status; the text always says the status too. */
export const STATUS_BADGES: Record<RegistrationStatus, string> = {
  CONFIRMED: "bg-success",
  WAITLISTED: "bg-warning",
  CANCELLED: "bg-secondary",
};
