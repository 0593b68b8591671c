// What ties an email to a convocation's dispatch.

export const CONVOCATION_TEMPLATE = "convocation" as const;

/** One email per address per meeting, whatever happens: the message's unique dedupe key. */
export function dispatchDedupeKey(meetingId: string, address: string): string {
  return `dispatch:${meetingId}:${address}`;
}
