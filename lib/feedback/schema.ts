// The widget's form, as the route handler reads it (a plain form post or the
// widget's fetch): the page's path (to store its pattern and to send the
// browser back), the stars, one reason, the optional comment, the honeypot.
import { z } from "zod";
import { cleanString, optionalText } from "@/lib/platform/forms/fields";
import { isCertificateCode, isMeetingSlug, isToken } from "@/lib/segments";
import { MAX_COMMENT_LENGTH, REASON_CODES, reasonFits, type FeedbackReason } from "./labels";
import { matchFeedbackPage, type FeedbackPageMatch } from "./pages";
import { redactPersonalData } from "./redact";

export const FEEDBACK_FIELDS = ["path", "rating", "reason", "comment", "website"] as const;

export const FEEDBACK_MESSAGES = {
  page: "La pagina da valutare non è riconosciuta: ricarica la pagina e riprova.",
  rating: "Scegli una valutazione da 1 a 5 stelle.",
  reason: "Il motivo scelto non è tra quelli proposti.",
  comment: `Il dettaglio può avere al massimo ${MAX_COMMENT_LENGTH} caratteri.`,
} as const;

const SHAPES = { slug: isMeetingSlug, token: isToken, code: isCertificateCode } as const;

/** The page a submitted path is, with every dynamic segment of the right shape; else null. */
export function feedbackPageOfPath(path: string): FeedbackPageMatch | null {
  const match = matchFeedbackPage(path);
  if (!match || !match.params.every(({ kind, value }) => SHAPES[kind](value))) return null;
  return match;
}

export const feedbackSchema = z
  .object({
    path: cleanString(FEEDBACK_MESSAGES.page).transform((path, context) => {
      const match = feedbackPageOfPath(path);
      if (!match) {
        context.addIssue({ code: "custom", message: FEEDBACK_MESSAGES.page });
        return z.NEVER;
      }
      return { path, page: match.page, slug: match.slug };
    }),
    rating: z.enum(["1", "2", "3", "4", "5"], { error: FEEDBACK_MESSAGES.rating }).transform(Number),
    reason: z
      .union([z.literal(""), z.enum(REASON_CODES as [FeedbackReason, ...FeedbackReason[]])], { error: FEEDBACK_MESSAGES.reason })
      .default(""),
    comment: optionalText(MAX_COMMENT_LENGTH, FEEDBACK_MESSAGES.comment).default(""),
    website: cleanString().default(""),
  })
  .transform(({ path, rating, reason, comment, website }) => ({
    path: path.path,
    page: path.page,
    slug: path.slug,
    rating,
    // Without JavaScript both lists are in the form: a reason picked from the
    // other list (the stars changed afterwards) is left out, not refused.
    reason: reason !== "" && reasonFits(reason, rating) ? reason : null,
    comment: comment === "" ? null : redactPersonalData(comment),
    honeypot: website.trim() !== "",
  }));

export type FeedbackInput = z.output<typeof feedbackSchema>;
