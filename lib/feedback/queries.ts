import "server-only";
// The dashboard's report of the ratings: counts per month (Rome) and per
// page, the average, the 1–5 distribution, the reasons, the latest comments.
import type { Db } from "@/lib/db";
import { romeIsoDate } from "@/lib/platform/format/dates";
import { isPositive, POSITIVE_REASONS, RATINGS, reasonLabel } from "./labels";
import { feedbackPageLabel } from "./pages";

export type FeedbackPageKey = { page: string; slug: string | null };

export type FeedbackMonth = { month: string; label: string; count: number; average: number | null; positive: number; negative: number };

export type FeedbackReport = {
  total: number;
  average: number | null;
  /** Answers with 1, 2, 3, 4, 5 stars. */
  distribution: { rating: number; count: number }[];
  /** The last `months` months, oldest first, the current one included (empty ones too). */
  months: FeedbackMonth[];
  pages: (FeedbackPageKey & { label: string; count: number; average: number | null; lastDay: string })[];
  reasons: { code: string; label: string; positive: boolean; count: number }[];
  comments: (FeedbackPageKey & { label: string; day: string; rating: number; comment: string })[];
};

const MONTH_FORMAT = new Intl.DateTimeFormat("it-IT", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-03" → "marzo 2026". */
export function monthLabel(month: string): string {
  return MONTH_FORMAT.format(new Date(`${month}-01T00:00:00Z`));
}

/** The `count` months up to the one `now` falls in (Rome), oldest first: "2026-01" … "2026-12". */
export function lastMonths(now: Date, count: number): string[] {
  const [year, month] = romeIsoDate(now).split("-").map(Number);
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** The report, for every page or for one (`only`), with `months` months of history. */
export async function getFeedbackReport(
  db: Db,
  { only, now, months = 12 }: { only: FeedbackPageKey | null; now: Date; months?: number },
): Promise<FeedbackReport> {
  const where = only ? { page: only.page, slug: only.slug } : {};
  const window = lastMonths(now, months);
  const since = new Date(`${window[0]}-01T00:00:00Z`);

  const [byRating, byDay, byPage, byReason, comments] = await Promise.all([
    db.feedback.groupBy({ by: ["rating"], where, _count: { _all: true } }),
    db.feedback.groupBy({ by: ["day", "rating"], where: { ...where, day: { gte: since } }, _count: { _all: true } }),
    db.feedback.groupBy({ by: ["page", "slug"], where, _count: { _all: true }, _avg: { rating: true }, _max: { day: true } }),
    db.feedback.groupBy({ by: ["reason"], where: { ...where, reason: { not: null } }, _count: { _all: true } }),
    db.feedback.findMany({
      where: { ...where, comment: { not: null } },
      orderBy: [{ day: "desc" }, { id: "asc" }],
      take: 20,
      select: { page: true, slug: true, day: true, rating: true, comment: true },
    }),
  ]);

  const distribution = RATINGS.map((rating) => ({ rating, count: byRating.find((row) => row.rating === rating)?._count._all ?? 0 }));
  const total = distribution.reduce((sum, row) => sum + row.count, 0);
  const stars = distribution.reduce((sum, row) => sum + row.rating * row.count, 0);

  const perMonth = new Map(window.map((month) => [month, { count: 0, stars: 0, positive: 0, negative: 0 }]));
  for (const row of byDay) {
    const bucket = perMonth.get(isoDay(row.day).slice(0, 7));
    if (!bucket) continue;
    const count = row._count._all;
    bucket.count += count;
    bucket.stars += row.rating * count;
    if (isPositive(row.rating)) bucket.positive += count;
    else bucket.negative += count;
  }

  return {
    total,
    average: total === 0 ? null : round1(stars / total),
    distribution,
    months: window.map((month) => {
      const bucket = perMonth.get(month)!;
      return {
        month,
        label: monthLabel(month),
        count: bucket.count,
        average: bucket.count === 0 ? null : round1(bucket.stars / bucket.count),
        positive: bucket.positive,
        negative: bucket.negative,
      };
    }),
    pages: byPage
      .map((row) => ({
        page: row.page,
        slug: row.slug,
        label: feedbackPageLabel(row.page),
        count: row._count._all,
        average: round1(row._avg.rating),
        lastDay: row._max.day ? isoDay(row._max.day) : "",
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "it") || (a.slug ?? "").localeCompare(b.slug ?? "")),
    reasons: byReason
      .map((row) => ({ code: row.reason!, label: reasonLabel(row.reason!), positive: row.reason! in POSITIVE_REASONS, count: row._count._all }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "it")),
    comments: comments.map((row) => ({
      page: row.page,
      slug: row.slug,
      label: feedbackPageLabel(row.page),
      day: isoDay(row.day),
      rating: row.rating,
      comment: row.comment!,
    })),
  };
}

/** The pages that have ratings, for the report's filter. */
export async function listRatedPages(db: Db): Promise<(FeedbackPageKey & { label: string })[]> {
  const rows = await db.feedback.groupBy({ by: ["page", "slug"], orderBy: [{ page: "asc" }, { slug: "asc" }] });
  return rows.map((row) => ({ page: row.page, slug: row.slug, label: feedbackPageLabel(row.page) }));
}

/** The titles of the convocations the rated pages belong to, by slug: the report names a meeting, not its address. */
export async function meetingTitlesBySlug(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const meetings = await db.meeting.findMany({ where: { slug: { in: [...new Set(slugs)] } }, select: { slug: true, title: true } });
  return new Map(meetings.map((meeting) => [meeting.slug, meeting.title]));
}
