// Public on purpose: the attestato's code is the credential (100 random
// bits, only its hash stored). The link arrives in the certificate email;
// anyone holding the code may download the PDF. Rate-limited per IP like the
// other public endpoints, never indexed.
import { certificateUrls } from "@/lib/certificates/mutations";
import { displayCertificateCode } from "@/lib/certificates/code";
import { buildCertificatePdf } from "@/lib/certificates/pdf";
import { verifyCertificateCode } from "@/lib/certificates/queries";
import { db } from "@/lib/db";
import { clientIp, limitPublicWrite, RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { isCertificateCode } from "@/lib/segments";

export const dynamic = "force-dynamic";

const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "same-origin" };

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const limit = await limitPublicWrite({ ip: clientIp(request.headers) });
  if (!limit.ok) {
    return new Response(RATE_LIMIT_MESSAGE, {
      status: 429,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  const { code } = await params;
  const verification = isCertificateCode(code) ? await verifyCertificateCode(db(), code) : null;
  const display = displayCertificateCode(code);
  if (!verification?.valid || !display) {
    return new Response("Attestato non valido: il codice non corrisponde a nessun attestato valido.", {
      status: 404,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const body = await buildCertificatePdf(verification.document, { code: display, verifyUrl: certificateUrls(display).verifyUrl });
  return new Response(body as BodyInit, {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="attestato-${verification.document.meeting.slug}.pdf"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
