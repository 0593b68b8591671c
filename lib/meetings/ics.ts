// iCalendar (RFC 5545) for one meeting. Pure: the route handler supplies the
// clock and the page URL, so tests need neither a server nor a database.
import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import { stripInlineMarkdown } from "@/lib/platform/format/text";
import type { MeetingInput } from "./schema";

export type IcsEvent = {
  uid: string;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  url: string;
  lastModified?: Date;
  cancelled?: boolean;
};

/** The fields a calendar entry may show: deliberately no join link. */
export type IcsMeeting = Pick<MeetingInput, "title" | "subject" | "startsAt" | "endsAt" | "mode" | "platform" | "venueName" | "venueAddress"> & {
  id: string;
  status: MeetingStatus;
  updatedAt: Date;
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start
 * with one space, and a multi-byte UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 2022-03-24T14:00:00.000Z → 20220324T140000Z */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

export function buildIcs(event: IcsEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ANCI Sicilia//Convoca//IT",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    ...(event.lastModified ? [`LAST-MODIFIED:${formatUtc(event.lastModified)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function location(meeting: IcsMeeting): string {
  const venue = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  if (meeting.mode === "ONLINE") return "Videoconferenza";
  if (meeting.mode === "HYBRID") return venue || "Videoconferenza";
  return venue || "In presenza";
}

/**
 * A registration's own file also gives its personal page, where the
 * registrant finds the join link (never in the file: calendars get shared and synced).
 */
export type IcsOptions = { personalUrl?: string | null };

/** Builds the event from the public fields only; the join link is sent by email and shown on the personal page. */
export function meetingIcsEvent(meeting: IcsMeeting, pageUrl: string, now: Date, { personalUrl = null }: IcsOptions = {}): IcsEvent {
  const cancelled = meeting.status === "CANCELLED";
  const when = formatDateTimeRange(meeting.startsAt, meeting.endsAt);
  const description = [
    cancelled ? "CONVOCAZIONE ANNULLATA" : null,
    stripInlineMarkdown(meeting.subject),
    when,
    personalUrl ? `La tua iscrizione, con il link di collegamento: ${personalUrl}` : null,
    `Convocazione: ${pageUrl}`,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    uid: `${meeting.id}@convoca`,
    stamp: now,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: cancelled ? `ANNULLATO: ${meeting.title}` : meeting.title,
    description,
    location: location(meeting),
    url: pageUrl,
    lastModified: meeting.updatedAt,
    cancelled,
  };
}

export function meetingIcs(meeting: IcsMeeting, pageUrl: string, now: Date, options: IcsOptions = {}): string {
  return buildIcs(meetingIcsEvent(meeting, pageUrl, now, options));
}

/** A calendar file as a download named after the meeting's slug, never cached. */
export function icsResponse(slug: string, body: string, headers: Record<string, string> = {}): Response {
  const filename = `${slug.replace(/[^A-Za-z0-9._-]/g, "-")}.ics`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}
