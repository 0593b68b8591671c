// The attendance register of a meeting for the FAMI reporting, as plain data:
// who was present (confirmed registrants with attendance PRESENT), with their
// organisation, municipality, province, role and minutes; totals by type of
// organisation and by province; and the confirmed registrants who were not
// present. Pure: the PDF and the XLSX are drawn from what this returns.
import type { AttendanceMethod, AttendanceStatus, OrganisationType, Province } from "@/lib/generated/prisma/enums";
import { PROVINCES } from "@/lib/municipalities/provinces";
import { ORGANISATION_TYPE_LABELS } from "@/lib/registrations/labels";
import { ATTENDANCE_METHOD_LABELS } from "@/lib/registrations/dashboard/labels";

export type RegisterRegistration = {
  id: string;
  firstName: string;
  lastName: string;
  organisationType: OrganisationType;
  organisationName: string | null;
  municipality: { name: string; province: Province } | null;
  managingBody: string | null;
  roleTitle: string | null;
  attendance: { status: AttendanceStatus; minutes: number | null; method: AttendanceMethod } | null;
};

export type ParticipantRow = {
  number: number;
  registrationId: string;
  lastName: string;
  firstName: string;
  organisationType: string;
  /** "Comune di Palermo", the managing body, the other organisation. */
  organisation: string;
  municipality: string;
  /** "PA"; empty when no municipality is known. */
  province: string;
  role: string;
  minutes: number | null;
  method: string;
};

export type AbsentRow = {
  number: number;
  registrationId: string;
  lastName: string;
  firstName: string;
  organisationType: string;
  organisation: string;
  municipality: string;
  province: string;
  /** "Assenza registrata" or "Presenza non registrata". */
  note: string;
};

export type TotalRow = { label: string; participants: number; minutes: number };

export type AttendanceRegister = {
  participants: ParticipantRow[];
  absent: AbsentRow[];
  byOrganisationType: TotalRow[];
  byProvince: TotalRow[];
  total: TotalRow;
};

export const NO_PROVINCE = "Provincia non indicata";
const ORGANISATION_TYPES: OrganisationType[] = ["COMUNE", "ENTE_GESTORE", "ALTRO_ENTE"];

/** The organisation as the register names it. */
export function organisationLabel(registration: Pick<RegisterRegistration, "organisationType" | "organisationName" | "municipality" | "managingBody">): string {
  const name = registration.organisationName?.trim() || "";
  switch (registration.organisationType) {
    case "COMUNE":
      return registration.municipality ? `Comune di ${registration.municipality.name}` : name;
    case "ENTE_GESTORE":
      return registration.managingBody?.trim() || name;
    default:
      return name;
  }
}

const collator = new Intl.Collator("it", { sensitivity: "base" });

function byName(a: RegisterRegistration, b: RegisterRegistration): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.id.localeCompare(b.id);
}

function common(registration: RegisterRegistration) {
  return {
    registrationId: registration.id,
    lastName: registration.lastName,
    firstName: registration.firstName,
    organisationType: ORGANISATION_TYPE_LABELS[registration.organisationType],
    organisation: organisationLabel(registration),
    municipality: registration.municipality?.name ?? "",
    province: registration.municipality?.province ?? "",
  };
}

/**
 * The register from the meeting's confirmed registrations (the caller passes
 * only those). Present people sorted by surname and name; the rest absent.
 * Minutes not recorded count as 0 in the totals and show as empty.
 */
export function buildAttendanceRegister(registrations: readonly RegisterRegistration[]): AttendanceRegister {
  const sorted = [...registrations].sort(byName);
  const present = sorted.filter((registration) => registration.attendance?.status === "PRESENT");
  const notPresent = sorted.filter((registration) => registration.attendance?.status !== "PRESENT");

  const participants = present.map((registration, index): ParticipantRow => ({
    number: index + 1,
    ...common(registration),
    role: registration.roleTitle?.trim() ?? "",
    minutes: registration.attendance!.minutes,
    method: ATTENDANCE_METHOD_LABELS[registration.attendance!.method],
  }));

  const absent = notPresent.map((registration, index): AbsentRow => ({
    number: index + 1,
    ...common(registration),
    note: registration.attendance?.status === "ABSENT" ? "Assenza registrata" : "Presenza non registrata",
  }));

  const minutesOf = (rows: readonly ParticipantRow[]) => rows.reduce((sum, row) => sum + (row.minutes ?? 0), 0);
  const presentTypes = new Map(present.map((registration) => [registration.id, registration.organisationType]));

  const byOrganisationType = ORGANISATION_TYPES.map((type) => {
    const rows = participants.filter((row) => presentTypes.get(row.registrationId) === type);
    return { label: ORGANISATION_TYPE_LABELS[type], participants: rows.length, minutes: minutesOf(rows) };
  });

  const provinceOrder = Object.keys(PROVINCES) as Province[];
  const byProvince: TotalRow[] = provinceOrder
    .map((code) => {
      const rows = participants.filter((row) => row.province === code);
      return { label: `${PROVINCES[code]} (${code})`, participants: rows.length, minutes: minutesOf(rows) };
    })
    .filter((row) => row.participants > 0);
  const withoutProvince = participants.filter((row) => row.province === "");
  if (withoutProvince.length > 0) byProvince.push({ label: NO_PROVINCE, participants: withoutProvince.length, minutes: minutesOf(withoutProvince) });

  return {
    participants,
    absent,
    byOrganisationType,
    byProvince,
    total: { label: "Totale", participants: participants.length, minutes: minutesOf(participants) },
  };
}
