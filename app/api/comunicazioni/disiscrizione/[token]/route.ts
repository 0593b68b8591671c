import { unsubscribe } from "@/lib/communications/mutations";
import { ONE_CLICK_BAD_BODY, UNSUBSCRIBE_ALREADY_DONE, UNSUBSCRIBE_DONE, UNSUBSCRIBE_NOT_FOUND } from "@/lib/communications/messages";
import { db } from "@/lib/db";
import { readBounded } from "@/lib/platform/http/refusals";
import { clientIp, limitPublicWrite, RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";
import { hashToken } from "@/lib/platform/security/tokens";
import { isToken } from "@/lib/segments";

export const dynamic = "force-dynamic";

/** "List-Unsubscribe=One-Click" is all RFC 8058 sends; anything much longer is not a mail client's. */
const MAX_BODY_BYTES = 4096;

function answer(status: number, body: Record<string, unknown>, headers?: HeadersInit) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** The body's List-Unsubscribe field, urlencoded or multipart as RFC 8058 allows; null when unreadable. */
async function oneClickField(request: Request): Promise<string | null> {
  const bytes = await readBounded(request.body, MAX_BODY_BYTES);
  if (bytes === null) return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    try {
      const value = (await new Response(bytes, { headers: { "content-type": contentType } }).formData()).get("List-Unsubscribe");
      return typeof value === "string" ? value : null;
    } catch {
      return null;
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return new URLSearchParams(text.trim()).get("List-Unsubscribe");
}

/**
 * POST /api/comunicazioni/disiscrizione/[token] — the one-click unsubscribe
 * of RFC 8058, where an email's List-Unsubscribe header points: the mail
 * provider posts List-Unsubscribe=One-Click, with no cookie and no Origin
 * (so the same-origin rule lets it through, as any client that is no
 * browser; a browser on another site is still refused). The token is the
 * credential; withdrawing twice is still 200.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const { token } = await params;
  if (!isToken(token)) return answer(404, { ok: false, error: "NOT_FOUND", message: UNSUBSCRIBE_NOT_FOUND });
  if ((await oneClickField(request)) !== "One-Click") return answer(400, { ok: false, error: "BAD_REQUEST", message: ONE_CLICK_BAD_BODY });
  // Per caller and per link (its hash: the token itself is never a key).
  const limit = await limitPublicWrite({ ip: clientIp(request.headers), email: hashToken(token) });
  if (!limit.ok) return answer(429, { ok: false, error: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE }, { "Retry-After": String(limit.retryAfterSeconds) });
  const result = await unsubscribe(db(), { token, oneClick: true });
  if (!result.ok) return answer(404, { ok: false, error: "NOT_FOUND", message: UNSUBSCRIBE_NOT_FOUND });
  return answer(200, { ok: true, message: result.withdrawn ? UNSUBSCRIBE_DONE : UNSUBSCRIBE_ALREADY_DONE });
}
