// The dashboard's convocation form as the browser submits it: its field names,
// a new meeting's blank form, a stored meeting as the edit form shows it, the
// order errors are listed in and the rows' labels. The schema that parses it is
// ./schema.ts.
import { blankRow, defineForm, emptyValues, formOf, pageOrder, type FormValues } from "@/lib/platform/forms/form-data";
import { utcToRomeLocal } from "@/lib/platform/format/rome-local";
import { agendaRow, cancelMeetingSchema, meetingFields, speakerRow, type AgendaItemInput, type MeetingInput, type SpeakerInput } from "./schema";

/** Blank rows a page offers when JavaScript cannot add more; blank rows are ignored. */
export const STATIC_SPEAKER_ROWS = 2;
export const STATIC_AGENDA_ROWS = 3;

// The form's names come from the schema, so a field is written once.
const fields = formOf(meetingFields, { checkboxes: ["invitesManagingBodies"], rows: { speakers: speakerRow, agendaItems: agendaRow } });

export const meetingForm = defineForm({
  ...fields,
  text: [
    ...fields.text,
    // The editor's fingerprint of the meeting as it was loaded (lib/meetings/form-version.ts); empty for a new one.
    "version",
  ],
});
export type MeetingFormRaw = FormValues<typeof meetingForm>;
export type SpeakerRaw = MeetingFormRaw["speakers"][number];
export type AgendaItemRaw = MeetingFormRaw["agendaItems"][number];

/** Cancelling says why (shown on the public page and in the email) and asks for an explicit confirmation. */
export const cancelMeetingForm = formOf(cancelMeetingSchema, { checkboxes: ["confirm"] });
export type CancelMeetingRaw = FormValues<typeof cancelMeetingForm>;

/** Publish, unpublish, duplicate, archive: a button, no fields. */
export const meetingStatusForm = defineForm({ text: [] });
export type MeetingStatusRaw = FormValues<typeof meetingStatusForm>;

export function blankSpeaker(): SpeakerRaw {
  return blankRow(meetingForm, "speakers");
}

export function blankAgendaItem(): AgendaItemRaw {
  return blankRow(meetingForm, "agendaItems");
}

/**
 * The typed rows as they were, then blank ones: at least the few a page
 * without JavaScript offers, and always one more, so a row can be added
 * without JavaScript too (blank rows are ignored).
 */
export function padMeetingRows(values: MeetingFormRaw): MeetingFormRaw {
  const pad = <T>(list: readonly T[], count: number, blank: () => T) => [
    ...list,
    ...Array.from({ length: Math.max(1, count - list.length) }, blank),
  ];
  return {
    ...values,
    speakers: pad(values.speakers, STATIC_SPEAKER_ROWS, blankSpeaker),
    agendaItems: pad(values.agendaItems, STATIC_AGENDA_ROWS, blankAgendaItem),
  };
}

/** What a new convocation starts from: the letterhead and signature of the latest one, when there is one. */
export type MeetingFormDefaults = Partial<
  Pick<
    MeetingFormRaw,
    "salutation" | "closing" | "signatoryName" | "signatoryTitle" | "fundingFund" | "fundingLine" | "projectCode" | "projectName" | "projectWebsite"
  >
>;

export function emptyMeetingForm(defaults: MeetingFormDefaults = {}): MeetingFormRaw {
  return padMeetingRows({ ...emptyValues(meetingForm), kind: "TAVOLO_TECNICO", mode: "ONLINE", invitesManagingBodies: true, ...defaults });
}

/** A stored meeting, as the edit form needs it: what the schema parsed, with the slug it was given. */
export type MeetingFormSource = Omit<MeetingInput, "slug" | "speakers" | "agendaItems"> & {
  slug: string;
  /** A duplicate whose dates are still the source's: the form shows them empty. */
  datesPending?: boolean;
  speakers: readonly SpeakerInput[];
  agendaItems: readonly AgendaItemInput[];
};

const orEmpty = (value: string | null) => value ?? "";
const romeLocalOrEmpty = (value: Date | null) => (value ? utcToRomeLocal(value) : "");

/** A stored speaker as the form's row: what speakerFromRow() (./schema.ts) reads back. */
function speakerToRow(speaker: SpeakerInput): SpeakerRaw {
  return {
    honorific: orEmpty(speaker.honorific),
    name: speaker.name,
    role: orEmpty(speaker.role),
    affiliation: orEmpty(speaker.affiliation),
    talkTitle: orEmpty(speaker.talkTitle),
  };
}

function agendaItemToRow(item: AgendaItemInput): AgendaItemRaw {
  return { title: item.title, description: orEmpty(item.description) };
}

export function meetingToForm(meeting: MeetingFormSource): MeetingFormRaw {
  return padMeetingRows({
    title: meeting.title,
    slug: meeting.slug,
    kind: meeting.kind,
    placeAndDate: orEmpty(meeting.placeAndDate),
    protocolNumber: orEmpty(meeting.protocolNumber),
    subject: meeting.subject,
    startsAt: meeting.datesPending ? "" : romeLocalOrEmpty(meeting.startsAt),
    endsAt: meeting.datesPending ? "" : romeLocalOrEmpty(meeting.endsAt),
    mode: meeting.mode,
    platform: orEmpty(meeting.platform),
    venueName: orEmpty(meeting.venueName),
    venueAddress: orEmpty(meeting.venueAddress),
    joinUrl: orEmpty(meeting.joinUrl),
    capacity: meeting.capacity === null ? "" : String(meeting.capacity),
    registrationOpensAt: romeLocalOrEmpty(meeting.registrationOpensAt),
    registrationClosesAt: romeLocalOrEmpty(meeting.registrationClosesAt),
    invitesManagingBodies: meeting.invitesManagingBodies,
    salutation: orEmpty(meeting.salutation),
    body: meeting.body,
    closing: orEmpty(meeting.closing),
    signatoryName: meeting.signatoryName,
    signatoryTitle: meeting.signatoryTitle,
    fundingFund: meeting.fundingFund,
    fundingLine: meeting.fundingLine,
    projectCode: meeting.projectCode,
    projectName: meeting.projectName,
    projectWebsite: orEmpty(meeting.projectWebsite),
    version: "",
    speakers: meeting.speakers.map(speakerToRow),
    agendaItems: meeting.agendaItems.map(agendaItemToRow),
  });
}

/** Field order on the page (the schema's): the error summary lists errors in it and focus goes to the first. */
export function meetingFieldOrder(speakerRows: number, agendaRows: number): string[] {
  return pageOrder(fields, { speakers: speakerRows, agendaItems: agendaRows });
}

/** "Relatore 2", "Tema 3": which row an error in the summary is about. */
export function meetingRowLabel(path: string): string | undefined {
  const match = /^(speakers|agendaItems)\.(\d+)\./.exec(path);
  if (!match) return undefined;
  return `${match[1] === "speakers" ? "Relatore" : "Tema"} ${Number(match[2]) + 1}`;
}
