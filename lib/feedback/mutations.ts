import "server-only";
// Storing one rating. Nothing about who gave it: no address, no browser, no
// session, no time of day; the Rome day only.
import type { Db } from "@/lib/db";
import { getPublicMeeting } from "@/lib/meetings/queries";
import { romeIsoDate } from "@/lib/platform/format/dates";
import type { FeedbackInput } from "./schema";

export type RecordFeedbackResult = { ok: true } | { ok: false; reason: "PAGE_NOT_FOUND" };

type RecordFeedback = Pick<FeedbackInput, "page" | "slug" | "rating" | "reason" | "comment"> & { now: Date };

/** The day in Rome as PostgreSQL's DATE reads it (midnight UTC of that calendar day). */
export function feedbackDay(now: Date): Date {
  return new Date(`${romeIsoDate(now)}T00:00:00Z`);
}

/** Stores a rating of a page; a convocation's page only while the convocation is public. */
export async function recordFeedback(db: Db, { page, slug, rating, reason, comment, now }: RecordFeedback): Promise<RecordFeedbackResult> {
  if (slug !== null && !(await getPublicMeeting(db, slug))) return { ok: false, reason: "PAGE_NOT_FOUND" };
  await db.feedback.create({ data: { page, slug, rating, reason, comment, day: feedbackDay(now) } });
  return { ok: true };
}
