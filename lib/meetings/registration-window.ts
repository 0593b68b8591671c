export type WindowFields = {
  status: "DRAFT" | "PUBLISHED" | "CANCELLED" | "ARCHIVED";
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

export type RegistrationWindow =
  | { state: "open" }
  | { state: "not-yet-open"; opensAt: Date }
  | { state: "closed" }
  | { state: "cancelled" };

/**
 * Whether registrations are accepted at `now`. Without an explicit closing
 * time they close when the meeting starts, and never outlive its end; a
 * cancelled, archived or draft meeting accepts nothing.
 */
export function registrationWindow(meeting: WindowFields, now: Date): RegistrationWindow {
  if (meeting.status === "CANCELLED") return { state: "cancelled" };
  if (meeting.status !== "PUBLISHED") return { state: "closed" };
  const closesAt = meeting.registrationClosesAt ?? meeting.startsAt;
  if (now >= closesAt || now >= meeting.endsAt) return { state: "closed" };
  if (meeting.registrationOpensAt && now < meeting.registrationOpensAt) {
    return { state: "not-yet-open", opensAt: meeting.registrationOpensAt };
  }
  return { state: "open" };
}
