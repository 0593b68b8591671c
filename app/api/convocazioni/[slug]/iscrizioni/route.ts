import { db } from "@/lib/db";
import { clientIp, limitPublicWrite, RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { type ApiError, FAILURE_STATUS, fieldErrorsOf } from "@/lib/registrations/api";
import { register } from "@/lib/registrations/mutations";
import { registrationSchema } from "@/lib/registrations/schema";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";
import { logError } from "@/lib/platform/logging/log";
import { isMeetingSlug } from "@/lib/segments";

export const dynamic = "force-dynamic";

function fail(status: number, body: Omit<ApiError, "ok">, headers?: HeadersInit) {
  return Response.json({ ok: false, ...body } satisfies ApiError, { status, headers });
}

/**
 * POST /api/convocazioni/[slug]/iscrizioni — a public registration for
 * integrations and load tests. Public by design: it checks what the form
 * checks (schema, window, capacity, duplicates, rate limits). A browser on
 * another site is refused (lib/platform/security/same-origin.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const { slug } = await params;
  if (!isMeetingSlug(slug)) return fail(404, { error: "MEETING_NOT_FOUND", message: FAILURE_STATUS.MEETING_NOT_FOUND.message });
  if (!request.headers.get("content-type")?.includes("application/json")) {
    return fail(415, { error: "UNSUPPORTED_MEDIA_TYPE", message: "Inviare un corpo JSON (Content-Type: application/json)." });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return fail(400, { error: "INVALID_JSON", message: "Il corpo della richiesta non è JSON valido." });
  }

  const parsed = registrationSchema.safeParse(body);
  if (!parsed.success) {
    return fail(400, { error: "VALIDATION", message: "Alcuni campi non sono validi.", fieldErrors: fieldErrorsOf(parsed.error) });
  }
  if (parsed.data.website) return fail(400, { error: "SPAM", message: "Richiesta rifiutata." });

  const limit = await limitPublicWrite({ ip: clientIp(request.headers), email: parsed.data.email });
  if (!limit.ok) {
    return fail(429, { error: "RATE_LIMITED", message: RATE_LIMIT_MESSAGE }, { "Retry-After": String(limit.retryAfterSeconds) });
  }

  try {
    const result = await register(db(), { slug, ...parsed.data });
    if (!result.ok) {
      const { status, message } = FAILURE_STATUS[result.reason];
      return fail(status, { error: result.reason, message });
    }
    return Response.json({ ok: true, registrationId: result.registrationId, status: result.status }, { status: 201 });
  } catch (error) {
    logError`POST /api/convocazioni/${slug}/iscrizioni failed: ${error instanceof Error ? error.name : "unknown error"}`;
    return fail(500, { error: "INTERNAL", message: "Si è verificato un errore imprevisto. Riprova più tardi." });
  }
}
