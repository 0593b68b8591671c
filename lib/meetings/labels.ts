import type { MeetingKind, MeetingMode, MeetingStatus } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<MeetingKind, string> = {
  TAVOLO_TECNICO: "Tavolo tecnico",
  WEBINAR: "Webinar",
  FORMAZIONE: "Formazione",
};

export const MODE_LABELS: Record<MeetingMode, string> = {
  ONLINE: "Videoconferenza",
  IN_PERSON: "In presenza",
  HYBRID: "Mista (in presenza e in videoconferenza)",
};

type ModeFields = {
  mode: MeetingMode;
  platform?: string | null;
  venueName?: string | null;
};

/** "Videoconferenza (Zoom)", "In presenza - Sala Martorana", … */
export function describeMode(meeting: ModeFields): string {
  const label = MODE_LABELS[meeting.mode];
  if (meeting.mode === "ONLINE") return meeting.platform ? `${label} (${meeting.platform})` : label;
  if (meeting.mode === "IN_PERSON") return meeting.venueName ? `${label} - ${meeting.venueName}` : label;
  return meeting.venueName ? `${label} - ${meeting.venueName}` : label;
}

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  DRAFT: "Bozza",
  PUBLISHED: "Pubblicata",
  CANCELLED: "Annullata",
  ARCHIVED: "Archiviata",
};

/** Bootstrap Italia badge colour for each status; the label says it in words too. */
export const STATUS_BADGES: Record<MeetingStatus, string> = {
  DRAFT: "bg-secondary",
  PUBLISHED: "bg-success",
  CANCELLED: "bg-danger",
  ARCHIVED: "bg-dark",
};

/** What a dashboard action, route or API answers about a meeting id that names none. */
export const MEETING_NOT_FOUND = "Convocazione non trovata.";
