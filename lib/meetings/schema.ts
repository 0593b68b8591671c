// The convocation form's one zod schema, which the editor (react-hook-form)
// and the server action both parse with, and its limits. Dates are typed as
// Rome's wall-clock time and leave as UTC instants. The form's field names and
// the conversions from a stored meeting are in ./form.ts.
import { z } from "zod";
import {
  checkbox,
  cleanString,
  optionalMultiline,
  optionalText as sharedOptionalText,
  requiredMultiline,
  requiredText as sharedRequiredText,
} from "@/lib/platform/forms/fields";
import { isBlankRow } from "@/lib/platform/forms/form-data";
import { romeLocalToUtc } from "@/lib/platform/format/rome-local";
import type { MeetingKind, MeetingMode } from "@/lib/generated/prisma/enums";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "./slug";

export const MEETING_KINDS = ["TAVOLO_TECNICO", "WEBINAR", "FORMAZIONE"] as const satisfies readonly MeetingKind[];
export const MEETING_MODES = ["ONLINE", "IN_PERSON", "HYBRID"] as const satisfies readonly MeetingMode[];

export const MAX_SPEAKERS = 20;
export const MAX_AGENDA_ITEMS = 30;
export const MAX_CAPACITY = 100_000;

const tooLong = (max: number) => `Massimo ${max} caratteri`;

// Multi-line fields (the letter's textareas): line breaks kept, the ends trimmed.
const requiredText = (message: string, max = 200) => requiredMultiline(message, max);

const optionalText = (max = 200) =>
  optionalMultiline(max, tooLong(max))
    .optional()
    .transform((value) => value || null);

// One-line fields (inputs, not textareas): CR/LF/tab become one space, as everywhere.
const requiredLine = (message: string, max = 200) => sharedRequiredText(message, max);

const optionalLine = (max = 200) =>
  sharedOptionalText(max, tooLong(max))
    .optional()
    .transform((value) => value || null);

const optionalUrl = (protocol: RegExp, message: string) =>
  cleanString()
    .trim()
    .max(2000, "Indirizzo troppo lungo")
    .optional()
    .transform((value) => value || null)
    .pipe(z.url({ protocol, error: message }).nullable());

const slugField = cleanString()
  .trim()
  .max(MAX_SLUG_LENGTH, tooLong(MAX_SLUG_LENGTH))
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || SLUG_PATTERN.test(value), "Usa solo lettere minuscole senza accenti, numeri e trattini, ad esempio tavolo-tecnico-2022-03-24");

const requiredDateTime = (message: string) =>
  cleanString(message).trim().transform((value, ctx): Date => {
    const date = value ? romeLocalToUtc(value) : null;
    if (!date) ctx.addIssue({ code: "custom", message: value ? "Data o ora non valida" : message });
    return date ?? new Date(Number.NaN);
  });

const optionalDateTime = cleanString()
  .trim()
  .optional()
  .transform((value, ctx): Date | null => {
    if (!value) return null;
    const date = romeLocalToUtc(value);
    if (!date) ctx.addIssue({ code: "custom", message: "Data o ora non valida" });
    return date;
  });

const capacityField = cleanString()
  .trim()
  .optional()
  .transform((value, ctx): number | null => {
    if (!value) return null;
    const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    if (!(number >= 1 && number <= MAX_CAPACITY)) {
      ctx.addIssue({ code: "custom", message: `Indica un numero intero da 1 a ${MAX_CAPACITY}, o lascia vuoto se non c'è un limite` });
    }
    return number;
  });

export const speakerRow = z
  .object({
    honorific: sharedOptionalText(40).default(""),
    name: sharedOptionalText(150).default(""),
    role: sharedOptionalText(150).default(""),
    affiliation: sharedOptionalText(200).default(""),
    talkTitle: sharedOptionalText(300).default(""),
  })
  .superRefine((row, ctx) => {
    if (!isBlankRow(row) && !row.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Indica il nome del relatore" });
  });

export const agendaRow = z
  .object({
    title: sharedOptionalText(300).default(""),
    description: optionalMultiline(1000).default(""),
  })
  .superRefine((row, ctx) => {
    if (!isBlankRow(row) && !row.title) ctx.addIssue({ code: "custom", path: ["title"], message: "Indica il tema" });
  });

/** A speaker's and an agenda item's row as the form names its columns. */
type SpeakerRow = Partial<Record<keyof typeof speakerRow.shape, string>>;
type AgendaRow = Partial<Record<keyof typeof agendaRow.shape, string>>;

/** Typed text as stored: trimmed, and null when nothing is left. */
export const textOrNull = (value: string | undefined) => value?.trim() || null;

/**
 * A speaker's row as stored: the name trimmed, the other columns trimmed or
 * null. The schema maps its parsed rows with it, the live preview the rows as
 * they are being typed (a column may be missing there).
 */
export function speakerFromRow(row: SpeakerRow): SpeakerInput {
  return {
    honorific: textOrNull(row.honorific),
    name: row.name?.trim() ?? "",
    role: textOrNull(row.role),
    affiliation: textOrNull(row.affiliation),
    talkTitle: textOrNull(row.talkTitle),
  };
}

/** An agenda item's row as stored, as speakerFromRow() does for a speaker's. */
export function agendaItemFromRow(row: AgendaRow): AgendaItemInput {
  return { title: row.title?.trim() ?? "", description: textOrNull(row.description) };
}

// Rows nobody filled in are dropped after validation, so errors keep the row the user sees.
const speakersField = z
  .array(speakerRow)
  .default([])
  .transform((list, ctx): SpeakerInput[] => {
    const kept = list.filter((row) => !isBlankRow(row));
    if (kept.length > MAX_SPEAKERS) ctx.addIssue({ code: "custom", message: `Puoi indicare al massimo ${MAX_SPEAKERS} relatori` });
    return kept.map(speakerFromRow);
  });

const agendaField = z
  .array(agendaRow)
  .default([])
  .transform((list, ctx): AgendaItemInput[] => {
    const kept = list.filter((row) => !isBlankRow(row));
    if (kept.length > MAX_AGENDA_ITEMS) ctx.addIssue({ code: "custom", message: `Puoi indicare al massimo ${MAX_AGENDA_ITEMS} temi` });
    return kept.map(agendaItemFromRow);
  });

/** The convocation's fields before the checks across them, in the editor's order (./form.ts reads the form's names from it). */
export const meetingFields = z.object({
  title: requiredLine("Indica il titolo", 200),
  slug: slugField,
  kind: z.enum(MEETING_KINDS, { error: "Indica il tipo di incontro" }),
  placeAndDate: optionalLine(150),
  protocolNumber: optionalLine(100),
  subject: requiredText("Indica l'oggetto della convocazione", 1000),
  startsAt: requiredDateTime("Indica data e ora di inizio"),
  endsAt: requiredDateTime("Indica data e ora di fine"),
  mode: z.enum(MEETING_MODES, { error: "Indica la modalità di svolgimento" }),
  platform: optionalLine(100),
  venueName: optionalLine(200),
  venueAddress: optionalLine(300),
  joinUrl: optionalUrl(/^https$/, "Inserisci il link completo, che inizi con https://"),
  capacity: capacityField,
  registrationOpensAt: optionalDateTime,
  registrationClosesAt: optionalDateTime,
  invitesManagingBodies: checkbox,
  // The programme, then the letter: the order of the editor's fields.
  speakers: speakersField,
  agendaItems: agendaField,
  salutation: optionalLine(300),
  body: requiredText("Scrivi il testo della convocazione", 20_000),
  closing: optionalText(1000),
  signatoryName: requiredLine("Indica chi firma la convocazione", 150),
  signatoryTitle: requiredLine("Indica il ruolo di chi firma", 200),
  fundingFund: requiredLine("Indica il fondo che finanzia il progetto", 300),
  fundingLine: requiredText("Indica la linea di finanziamento", 1000),
  projectCode: requiredLine("Indica il codice del progetto", 50),
  projectName: requiredLine("Indica il nome del progetto", 300),
  projectWebsite: optionalUrl(/^https?$/, "Inserisci l'indirizzo completo, che inizi con https://"),
});

const isDate = (date: Date | null | undefined): date is Date => date instanceof Date && !Number.isNaN(date.getTime());

/**
 * What the fields say of one another: the dates' order, a venue for a meeting
 * held in person. Runs even when other fields failed (see `when` below), so
 * every error shows at once: each check looks only at fields that parsed.
 */
function crossFieldIssues(meeting: z.output<typeof meetingFields>): { path: [keyof typeof meeting]; message: string }[] {
  const { startsAt, endsAt, registrationOpensAt: opens, registrationClosesAt: closes } = meeting;
  const checks: [failed: boolean, field: keyof typeof meeting, message: string][] = [
    [isDate(startsAt) && isDate(endsAt) && endsAt <= startsAt, "endsAt", "La fine deve essere successiva all'inizio"],
    [isDate(opens) && isDate(closes) && closes <= opens, "registrationClosesAt", "La chiusura delle iscrizioni deve seguire l'apertura"],
    [isDate(closes) && isDate(endsAt) && closes > endsAt, "registrationClosesAt", "Le iscrizioni devono chiudersi entro la fine dell'incontro"],
    [isDate(opens) && isDate(endsAt) && opens >= endsAt, "registrationOpensAt", "Le iscrizioni devono aprirsi prima della fine dell'incontro"],
    [(meeting.mode === "IN_PERSON" || meeting.mode === "HYBRID") && !meeting.venueName, "venueName", "Indica il luogo dell'incontro"],
  ];
  return checks.filter(([failed]) => failed).map(([, field, message]) => ({ path: [field], message }));
}

export const meetingSchema = meetingFields.superRefine(
  (meeting, ctx) => {
    for (const issue of crossFieldIssues(meeting)) ctx.addIssue({ code: "custom", ...issue });
  },
  // An input that is not even an object has nothing to compare.
  { when: (payload) => typeof payload.value === "object" && payload.value !== null },
);


export type SpeakerInput = {
  honorific: string | null;
  name: string;
  role: string | null;
  affiliation: string | null;
  talkTitle: string | null;
};
export type AgendaItemInput = { title: string; description: string | null };
export type MeetingInput = z.output<typeof meetingSchema>;

/** Cancelling says why (shown on the public page and in the email) and asks for an explicit confirmation. */
export const cancelMeetingSchema = z.object({
  reason: requiredText("Indica il motivo dell'annullamento: lo leggeranno gli iscritti", 1000),
  confirm: checkbox.refine((value) => value, "Spunta la casella per confermare l'annullamento"),
});
