import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import { STATUS_BADGES, STATUS_LABELS } from "@/lib/meetings/labels";

/** The status in words, coloured as a help, never as the only signal. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return <span className={`badge ${STATUS_BADGES[status]}`}>{STATUS_LABELS[status]}</span>;
}
