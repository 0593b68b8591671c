import { db } from "@/lib/db";
import { THANKS } from "@/lib/feedback/labels";
import { recordFeedback } from "@/lib/feedback/mutations";
import { THANKS_ANCHOR } from "@/lib/feedback/pages";
import { FEEDBACK_FIELDS, FEEDBACK_MESSAGES, feedbackSchema } from "@/lib/feedback/schema";
import { zodFieldErrors } from "@/lib/platform/forms/form-data";
import { BAD_REQUEST_MESSAGE, refusalPage } from "@/lib/platform/http/refusals";
import { describeError, logError } from "@/lib/platform/logging/log";
import { clientIp, limitPublicWrite, RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";

export const dynamic = "force-dynamic";

const SPAM = "Richiesta rifiutata.";
const FAILED = "Non è stato possibile registrare la valutazione. Riprova tra qualche istante.";

type Failure = { status: number; error: string; message: string; fieldErrors?: Record<string, string>; headers?: Record<string, string> };

/**
 * POST /valutazione — the satisfaction widget at the foot of every public
 * page (components/feedback/feedback-widget.tsx). Without JavaScript it is a
 * plain form post: the answer is a 303 back to the same page, at the thanks
 * (or a short Italian page saying what is wrong). The widget's own fetch asks
 * for JSON and gets { ok, message } instead. Anonymous: nothing of the caller
 * is stored; the per-IP limit of the public writes counts it
 * (lib/platform/rate-limit/limits.ts).
 */
export async function POST(request: Request) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const json = request.headers.get("accept")?.includes("application/json") ?? false;
  const fail = ({ status, error, message, fieldErrors, headers }: Failure) => {
    const response = json
      ? Response.json({ ok: false, error, message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "cache-control": "no-store" } })
      : refusalPage(status, status === 429 ? "Troppe richieste" : "Valutazione non registrata", message);
    for (const [name, value] of Object.entries(headers ?? {})) response.headers.set(name, value);
    return response;
  };

  const type = request.headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    return fail({ status: 415, error: "UNSUPPORTED_MEDIA_TYPE", message: BAD_REQUEST_MESSAGE });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail({ status: 400, error: "BAD_REQUEST", message: BAD_REQUEST_MESSAGE });
  }
  // One text value per field: a file, or a field sent twice, is no answer of the widget.
  const values: Record<string, string> = {};
  for (const name of FEEDBACK_FIELDS) {
    const all = form.getAll(name);
    if (all.length > 1 || all.some((value) => typeof value !== "string")) return fail({ status: 400, error: "BAD_REQUEST", message: BAD_REQUEST_MESSAGE });
    if (all.length === 1) values[name] = all[0] as string;
  }
  const parsed = feedbackSchema.safeParse(values);
  if (!parsed.success) {
    const { fieldErrors, formError } = zodFieldErrors(parsed.error);
    const message = fieldErrors.path ?? fieldErrors.rating ?? fieldErrors.reason ?? fieldErrors.comment ?? formError ?? BAD_REQUEST_MESSAGE;
    return fail({ status: fieldErrors.path ? 404 : 400, error: "VALIDATION", message, fieldErrors });
  }
  const input = parsed.data;
  if (input.honeypot) return fail({ status: 400, error: "SPAM", message: SPAM });

  const limit = await limitPublicWrite({ ip: clientIp(request.headers), email: null });
  if (!limit.ok) return fail({ status: 429, error: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE, headers: { "retry-after": String(limit.retryAfterSeconds) } });

  let result;
  try {
    result = await recordFeedback(db(), { page: input.page, slug: input.slug, rating: input.rating, reason: input.reason, comment: input.comment, now: new Date() });
  } catch (error) {
    // The page's pattern only: never the path (it may hold a token) nor the comment.
    logError`POST /valutazione for ${input.page} failed: ${describeError(error)}`;
    return fail({ status: 500, error: "INTERNAL", message: FAILED });
  }
  if (!result.ok) return fail({ status: 404, error: "PAGE_NOT_FOUND", message: FEEDBACK_MESSAGES.page });

  if (json) return Response.json({ ok: true, message: THANKS }, { status: 201, headers: { "cache-control": "no-store" } });
  // The path was matched against our public pages, segment by segment: a same-site path, never another site.
  return new Response(null, { status: 303, headers: { location: `${input.path}#${THANKS_ANCHOR}`, "cache-control": "no-store" } });
}
