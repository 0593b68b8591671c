import { db } from "@/lib/db";
import { recordResendEvent } from "@/lib/email/webhooks/mutations";
import { MAX_WEBHOOK_BODY_BYTES, parseResendEvent, svixHeaders, verifyResendWebhook } from "@/lib/email/webhooks/resend-event";
import { readBounded } from "@/lib/platform/http/refusals";
import { describeError, logError } from "@/lib/platform/logging/log";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" };

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: NO_STORE });
}

/**
 * POST /api/webhooks/resend — Resend's delivery reports (delivered, delayed,
 * bounced, complained, failed), signed by Svix with RESEND_WEBHOOK_SECRET.
 * Public by design: the signature on the raw body is the credential, checked
 * before anything is parsed or stored. Resend's servers send no Origin and
 * pass the same-origin rule like any client that is no browser; a browser on
 * another site is refused as everywhere. Anything unsigned is 401, an event
 * we do not record or a message we do not know is acknowledged with 200 (or
 * Resend would retry it for days).
 */
export async function POST(request: Request) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const secret = process.env.RESEND_WEBHOOK_SECRET?.trim();
  if (!secret) return answer(404, "Webhook di Resend non configurato su questo server.");

  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= MAX_WEBHOOK_BODY_BYTES)) return answer(413, "Il corpo della richiesta supera il limite consentito.");
  let bytes: Uint8Array | null;
  try {
    bytes = await readBounded(request.body, MAX_WEBHOOK_BODY_BYTES);
  } catch {
    return answer(400, "Il corpo della richiesta non è leggibile.");
  }
  if (bytes === null) return answer(413, "Il corpo della richiesta supera il limite consentito.");

  const headers = svixHeaders(request.headers);
  if (!headers) return answer(401, "Firma del webhook mancante.");
  // The exact bytes that were signed; invalid UTF-8 cannot match a signature made on the original.
  const body = new TextDecoder().decode(bytes);
  const verified = verifyResendWebhook({ body, headers, secret });
  if (!verified.ok) {
    return verified.reason === "JSON"
      ? answer(400, "Il corpo della richiesta non è JSON valido.")
      : answer(401, "Firma del webhook non valida o scaduta.");
  }

  const event = parseResendEvent(verified.payload);
  if (!event) return answer(400, "Evento di Resend non leggibile.");
  if (event.kind === "ignored") return answer(200, "Evento ignorato.");
  try {
    const result = await recordResendEvent(db(), { eventId: headers.id, event, now: new Date() });
    return answer(200, result.outcome === "duplicate" ? "Evento già registrato." : "Evento registrato.");
  } catch (error) {
    // A failed write: 503 asks Resend to deliver the event again later.
    logError`POST /api/webhooks/resend failed: ${describeError(error)}`;
    return answer(503, "Servizio momentaneamente non disponibile. Riprova più tardi.");
  }
}
