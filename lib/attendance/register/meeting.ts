// What the register says about the meeting, for the PDF and the XLSX alike.
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import { stripInlineMarkdown } from "@/lib/platform/format/text";
import type { MeetingMode } from "@/lib/generated/prisma/enums";
import { describeMode } from "@/lib/meetings/labels";
import { formatNumericDateTime } from "@/lib/registrations/dashboard/format";
import type { Funding } from "@/lib/platform/pdf/funding";
import { plural } from "@/lib/platform/format/plural";

export type RegisterMeeting = Funding & {
  id: string;
  slug: string;
  title: string;
  subject: string;
  protocolNumber: string | null;
  startsAt: Date;
  endsAt: Date;
  mode: MeetingMode;
  platform: string | null;
  venueName: string | null;
  venueAddress: string | null;
};

export const REGISTER_TITLE = "Registro delle presenze";

export function durationMinutes(meeting: Pick<RegisterMeeting, "startsAt" | "endsAt">): number {
  return Math.max(0, Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000));
}

/** "Label", "value" pairs in the order the register's header shows them. */
export function registerFacts(meeting: RegisterMeeting): [string, string][] {
  return [
    ["Convocazione", meeting.title],
    ["Oggetto", stripInlineMarkdown(meeting.subject)],
    ["Protocollo", meeting.protocolNumber?.trim() || "—"],
    ["Data e ora", `${formatDateTimeRange(meeting.startsAt, meeting.endsAt)} (ora italiana)`],
    ["Durata prevista", plural(durationMinutes(meeting), "minuto", "minuti")],
    ["Modalità", [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", ")],
  ];
}

/** "Generato il 26/11/2026 14:05 (ora italiana)" */
export function generatedLine(now: Date): string {
  return `Generato il ${formatNumericDateTime(now)} (ora italiana)`;
}

export type RegisterFormat = "pdf" | "xlsx";

export const REGISTER_CONTENT_TYPES: Record<RegisterFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** "registro-presenze-tavolo-tecnico-2022-03-24.pdf" */
export function registerFilename(slug: string, format: RegisterFormat): string {
  const safe = slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "convocazione";
  return `registro-presenze-${safe}.${format}`;
}

