import { unsubscribe } from "@/lib/communications/mutations";
import { UNSUBSCRIBE_NOT_FOUND } from "@/lib/communications/messages";
import { db } from "@/lib/db";
import { NOT_FOUND_MESSAGE, refusalPage } from "@/lib/platform/http/refusals";
import { clientIp, limitPublicWrite, RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";
import { hashToken } from "@/lib/platform/security/tokens";
import { routes } from "@/lib/routes";
import { isToken } from "@/lib/segments";

export const dynamic = "force-dynamic";

/**
 * POST /comunicazioni/disiscrizione/[token]/conferma — the button of the
 * unsubscribe page, a plain form (no JavaScript needed): withdraws the
 * consent, then sends the browser to the confirmation (303). Nothing of the
 * body is read: the token is the credential, the click the intent.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const { token } = await params;
  if (!isToken(token)) return refusalPage(404, NOT_FOUND_MESSAGE, UNSUBSCRIBE_NOT_FOUND);
  const limit = await limitPublicWrite({ ip: clientIp(request.headers), email: hashToken(token) });
  if (!limit.ok) {
    const page = refusalPage(429, "Troppe richieste", RATE_LIMIT_MESSAGE);
    page.headers.set("retry-after", String(limit.retryAfterSeconds));
    return page;
  }
  const result = await unsubscribe(db(), { token, oneClick: false });
  if (!result.ok) return refusalPage(404, NOT_FOUND_MESSAGE, UNSUBSCRIBE_NOT_FOUND);
  return new Response(null, { status: 303, headers: { location: routes.unsubscribe(token).done(), "cache-control": "no-store" } });
}
