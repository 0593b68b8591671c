// The report's one filter: which page (a route pattern, and the meeting's
// slug on a convocation's pages), as "pattern slug" in the address. A value
// that names no page of the widget is ignored.
import { param, type SearchParams } from "@/lib/platform/forms/search-params";
import { isMeetingSlug } from "@/lib/segments";
import { FEEDBACK_PAGES } from "./pages";
import type { FeedbackPageKey } from "./queries";

export const FEEDBACK_PAGE_PARAM = "pagina";

/** The filter's value for a page: "/privacy", "/convocazioni/[slug] tavolo-24-marzo". */
export function feedbackPageValue({ page, slug }: FeedbackPageKey): string {
  return slug ? `${page} ${slug}` : page;
}

export function parseFeedbackPageFilter(params: SearchParams): FeedbackPageKey | null {
  const [page, slug, ...rest] = param(params, FEEDBACK_PAGE_PARAM).split(" ");
  if (rest.length > 0 || !FEEDBACK_PAGES.some((entry) => entry.pattern === page)) return null;
  const wantsSlug = page.includes("[slug]");
  if (wantsSlug !== (slug !== undefined)) return null;
  if (slug !== undefined && !isMeetingSlug(slug)) return null;
  return { page, slug: slug ?? null };
}
