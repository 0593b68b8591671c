// Which public pages carry the satisfaction widget, and what is stored of
// the page a rating is about: its route pattern, plus the meeting's slug on
// a convocation's pages (public: it is in the published link). A token, an
// attestato's code or a query string is never stored. Pure: the widget runs
// it in the browser, the route handler again on the server.
//
// Left out: the dashboard's sign-in pages (a staff tool, not the service),
// and the not-found page (PublicPage's feedback={false}): a path that is no
// page of ours is not one to rate, and could carry anything.
import { routes } from "@/lib/routes";

export type FeedbackParam = "slug" | "token" | "code";

const SLUG = "[slug]";
const TOKEN = "[token]";
const CODE = "[code]";

/** Every page the widget appears on, by route pattern, with how the dashboard names it. */
export const FEEDBACK_PAGES: readonly { pattern: string; label: string }[] = [
  { pattern: routes.home(), label: "Pagina iniziale (elenco delle convocazioni)" },
  { pattern: routes.public.meeting(SLUG).page(), label: "Convocazione" },
  { pattern: routes.public.meeting(SLUG).registration(), label: "Modulo di iscrizione" },
  { pattern: routes.personal(TOKEN).page(), label: "Pagina personale dell'iscrizione" },
  { pattern: routes.personal(TOKEN).confirmation(), label: "Conferma dell'iscrizione" },
  { pattern: routes.invitation(TOKEN).page(), label: "Invito a un ente gestore" },
  { pattern: routes.invitation(TOKEN).decline(), label: "Rinuncia all'invito" },
  { pattern: routes.unsubscribe(TOKEN).page(), label: "Rinuncia alle comunicazioni" },
  { pattern: routes.unsubscribe(TOKEN).done(), label: "Rinuncia alle comunicazioni registrata" },
  { pattern: routes.certificate(CODE).page(), label: "Verifica di un attestato" },
  { pattern: routes.referentSheet(), label: "Scheda referenti" },
  { pattern: routes.referentSheetSent(), label: "Scheda referenti inviata" },
  { pattern: routes.privacy(), label: "Informativa privacy" },
  { pattern: routes.accessibility(), label: "Dichiarazione di accessibilità" },
];

const PARAMS: Record<string, FeedbackParam> = { [SLUG]: "slug", [TOKEN]: "token", [CODE]: "code" };

/** Longer than any path of ours (a slug is at most 80 characters, a token 43). */
export const MAX_PATH_LENGTH = 200;

export type FeedbackPageMatch = {
  /** The route pattern, as stored. */
  page: string;
  /** The meeting's slug, on a convocation's pages; else null. */
  slug: string | null;
  /** The path's dynamic segments, for the server to check their shape. */
  params: { kind: FeedbackParam; value: string }[];
};

const segmentsOf = (path: string) => (path === "/" ? [] : path.slice(1).split("/"));

/**
 * The page a pathname is, or null when it is none of FEEDBACK_PAGES. Takes a
 * bare path as the browser shows it ("/invito/abc…"): a query string, a
 * fragment, "//", a backslash or a dot segment make it no page.
 */
export function matchFeedbackPage(pathname: string): FeedbackPageMatch | null {
  if (typeof pathname !== "string" || pathname.length > MAX_PATH_LENGTH || !pathname.startsWith("/")) return null;
  if (/[?#\\\s%]/.test(pathname) || pathname.startsWith("//")) return null;
  const parts = segmentsOf(pathname);
  if (parts.some((part) => part === "" || part === "." || part === "..")) return null;
  for (const { pattern } of FEEDBACK_PAGES) {
    const expected = segmentsOf(pattern);
    if (expected.length !== parts.length) continue;
    const params: FeedbackPageMatch["params"] = [];
    const fits = expected.every((segment, index) => {
      const kind = PARAMS[segment];
      if (kind) {
        params.push({ kind, value: parts[index] });
        return true;
      }
      return segment === parts[index];
    });
    if (fits) return { page: pattern, slug: params.find((param) => param.kind === "slug")?.value ?? null, params };
  }
  return null;
}

/** How the dashboard names a stored page: its label, and the meeting's slug when there is one. */
export function feedbackPageLabel(page: string): string {
  return FEEDBACK_PAGES.find((entry) => entry.pattern === page)?.label ?? page;
}

/** The widget's thank-you box: a plain form post comes back to the page at this fragment, which CSS shows (:target). */
export const THANKS_ANCHOR = "valutazione-grazie";
