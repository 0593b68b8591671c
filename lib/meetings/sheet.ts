// What the convocation page shows, whether it comes from the database (the
// public page) or from the editor's fields as they are being typed (the
// dashboard's live preview): one shape, rendered by one component.
import { romeLocalToUtc } from "@/lib/platform/format/rome-local";
import { isBlankRow } from "@/lib/platform/forms/form-data";
import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import type { MeetingFormRaw } from "./form";
import {
  agendaItemFromRow,
  MEETING_KINDS,
  MEETING_MODES,
  speakerFromRow,
  textOrNull,
  type AgendaItemInput,
  type MeetingInput,
  type SpeakerInput,
} from "./schema";

/** The stored letter without its join link, which the page never holds. */
export type MeetingSheetData = Omit<MeetingInput, "slug" | "joinUrl" | "startsAt" | "endsAt" | "speakers" | "agendaItems"> & {
  slug: string;
  status: MeetingStatus;
  /** Null only in a preview whose date is not typed yet. */
  startsAt: Date | null;
  endsAt: Date | null;
  cancellationReason: string | null;
  speakers: readonly (SpeakerInput & { id: string })[];
  agendaItems: readonly (AgendaItemInput & { id: string })[];
};

// The preview's readings of what is typed so far: what does not read yet is left out.
const previewDate = (value: string | undefined) => (value ? romeLocalToUtc(value) : null);

function previewCapacity(value: string | undefined): number | null {
  const capacity = /^\d{1,9}$/.test(value?.trim() ?? "") ? Number(value?.trim()) : null;
  return capacity && capacity > 0 ? capacity : null;
}

const oneOf = <T extends string>(choices: readonly T[], value: string, fallback: T): T =>
  (choices as readonly string[]).includes(value) ? (value as T) : fallback;

/** The rows typed so far, blank ones left out; each keeps the id of its place in the form. */
function previewRows<Row extends Record<string, string>, Item>(rows: readonly Row[] | undefined, idPrefix: string, toItem: (row: Row) => Item) {
  return (rows ?? []).flatMap((row, index) => (isBlankRow(row) ? [] : [{ id: `${idPrefix}-${index}`, ...toItem(row) }]));
}

/**
 * The editor's current values as the page will show them. Lenient where the
 * schema is strict: a half-typed form still previews, a date not yet valid
 * is left out. A draft previews as it will look once published.
 */
export function previewMeeting(values: MeetingFormRaw, status: MeetingStatus, cancellationReason: string | null = null): MeetingSheetData {
  return {
    slug: values.slug?.trim() || "anteprima",
    kind: oneOf(MEETING_KINDS, values.kind, "TAVOLO_TECNICO"),
    status: status === "DRAFT" ? "PUBLISHED" : status,
    // An empty heading says nothing to a screen reader: say what goes there.
    title: values.title?.trim() || "Titolo della convocazione",
    subject: values.subject?.trim() ?? "",
    placeAndDate: textOrNull(values.placeAndDate),
    protocolNumber: textOrNull(values.protocolNumber),
    startsAt: previewDate(values.startsAt),
    endsAt: previewDate(values.endsAt),
    mode: oneOf(MEETING_MODES, values.mode, "ONLINE"),
    platform: textOrNull(values.platform),
    venueName: textOrNull(values.venueName),
    venueAddress: textOrNull(values.venueAddress),
    capacity: previewCapacity(values.capacity),
    registrationOpensAt: previewDate(values.registrationOpensAt),
    registrationClosesAt: previewDate(values.registrationClosesAt),
    invitesManagingBodies: Boolean(values.invitesManagingBodies),
    salutation: textOrNull(values.salutation),
    body: values.body ?? "",
    closing: textOrNull(values.closing),
    signatoryName: values.signatoryName?.trim() ?? "",
    signatoryTitle: values.signatoryTitle?.trim() ?? "",
    fundingFund: values.fundingFund ?? "",
    fundingLine: values.fundingLine ?? "",
    projectCode: values.projectCode ?? "",
    projectName: values.projectName ?? "",
    projectWebsite: textOrNull(values.projectWebsite),
    cancellationReason,
    speakers: previewRows(values.speakers, "relatore", speakerFromRow),
    agendaItems: previewRows(values.agendaItems, "tema", agendaItemFromRow),
  };
}
