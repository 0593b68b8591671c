import "server-only";
// A fingerprint of a convocation as its editor shows it, sent with the form
// and checked on saving: a coordinator who saves over a change someone else
// made meanwhile is told, and what they typed stays in the form. Only what
// the editor shows counts: a change to the attestati threshold or the join
// link's timing, made elsewhere, does not get in the way.
import { createHash } from "node:crypto";
import { meetingToForm, type MeetingFormSource } from "./form";

export function meetingFormVersion(meeting: MeetingFormSource): string {
  return createHash("sha256").update(JSON.stringify(meetingToForm(meeting))).digest("base64url").slice(0, 22);
}
