// What the convocation page shows, whether it comes from the database (the
// public page) or from the editor's fields as they are being typed (the
// dashboard's live preview): one shape, rendered by one component.
import { romeLocalToUtc } from "@/lib/platform/format/rome-local";
import type { MeetingKind, MeetingMode, MeetingStatus } from "@/lib/generated/prisma/enums";
import type { MeetingFormRaw } from "./form";
import { MEETING_KINDS, MEETING_MODES } from "./schema";

export type MeetingSheetData = {
  slug: string;
  kind: MeetingKind;
  status: MeetingStatus;
  title: string;
  subject: string;
  placeAndDate: string | null;
  protocolNumber: string | null;
  /** Null only in a preview whose date is not typed yet. */
  startsAt: Date | null;
  endsAt: Date | null;
  mode: MeetingMode;
  platform: string | null;
  venueName: string | null;
  venueAddress: string | null;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  invitesManagingBodies: boolean;
  salutation: string | null;
  body: string;
  closing: string | null;
  signatoryName: string;
  signatoryTitle: string;
  fundingFund: string;
  fundingLine: string;
  projectCode: string;
  projectName: string;
  projectWebsite: string | null;
  cancellationReason: string | null;
  speakers: readonly { id: string; honorific: string | null; name: string; role: string | null; affiliation: string | null; talkTitle: string | null }[];
  agendaItems: readonly { id: string; title: string; description: string | null }[];
};

const text = (value: string | undefined) => value?.trim() || null;
const blank = (row: Record<string, string>) => Object.values(row).every((value) => !value?.trim());

/**
 * The editor's current values as the page will show them. Lenient where the
 * schema is strict: a half-typed form still previews, a date not yet valid
 * is left out. A draft previews as it will look once published.
 */
export function previewMeeting(values: MeetingFormRaw, status: MeetingStatus, cancellationReason: string | null = null): MeetingSheetData {
  const capacity = /^\d{1,9}$/.test(values.capacity?.trim() ?? "") ? Number(values.capacity.trim()) : null;
  const date = (value: string | undefined) => (value ? romeLocalToUtc(value) : null);
  return {
    slug: values.slug?.trim() || "anteprima",
    kind: (MEETING_KINDS as readonly string[]).includes(values.kind) ? (values.kind as MeetingKind) : "TAVOLO_TECNICO",
    status: status === "DRAFT" ? "PUBLISHED" : status,
    // An empty heading says nothing to a screen reader: say what goes there.
    title: values.title?.trim() || "Titolo della convocazione",
    subject: values.subject?.trim() ?? "",
    placeAndDate: text(values.placeAndDate),
    protocolNumber: text(values.protocolNumber),
    startsAt: date(values.startsAt),
    endsAt: date(values.endsAt),
    mode: (MEETING_MODES as readonly string[]).includes(values.mode) ? (values.mode as MeetingMode) : "ONLINE",
    platform: text(values.platform),
    venueName: text(values.venueName),
    venueAddress: text(values.venueAddress),
    capacity: capacity && capacity > 0 ? capacity : null,
    registrationOpensAt: date(values.registrationOpensAt),
    registrationClosesAt: date(values.registrationClosesAt),
    invitesManagingBodies: Boolean(values.invitesManagingBodies),
    salutation: text(values.salutation),
    body: values.body ?? "",
    closing: text(values.closing),
    signatoryName: values.signatoryName?.trim() ?? "",
    signatoryTitle: values.signatoryTitle?.trim() ?? "",
    fundingFund: values.fundingFund ?? "",
    fundingLine: values.fundingLine ?? "",
    projectCode: values.projectCode ?? "",
    projectName: values.projectName ?? "",
    projectWebsite: text(values.projectWebsite),
    cancellationReason,
    speakers: (values.speakers ?? [])
      .map((row, index) => ({ row, id: `relatore-${index}` }))
      .filter(({ row }) => !blank(row))
      .map(({ row, id }) => ({
        id,
        honorific: text(row.honorific),
        name: row.name?.trim() ?? "",
        role: text(row.role),
        affiliation: text(row.affiliation),
        talkTitle: text(row.talkTitle),
      })),
    agendaItems: (values.agendaItems ?? [])
      .map((row, index) => ({ row, id: `tema-${index}` }))
      .filter(({ row }) => !blank(row))
      .map(({ row, id }) => ({ id, title: row.title?.trim() ?? "", description: text(row.description) })),
  };
}
