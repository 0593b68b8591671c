// The archive copy of one registrant's attestato, for the Segreteria: the
// same document without the code and QR, which only the registrant received
// (the portal keeps only their hash). Reading is enough; each copy is audited.
import { guardRoute } from "@/lib/auth/guard";
import { recordCertificateCopy } from "@/lib/certificates/mutations";
import { buildCertificatePdf } from "@/lib/certificates/pdf";
import { getCertificateDocumentForRegistration } from "@/lib/certificates/queries";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/segments";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; registrationId: string }> }) {
  const guard = await guardRoute("read");
  if (!guard.ok) return guard.response;
  const { id, registrationId } = await params;
  if (!isUuid(id) || !isUuid(registrationId)) return Response.json({ ok: false, formError: "Attestato non trovato." }, { status: 404 });
  const document = await getCertificateDocumentForRegistration(db(), { meetingId: id, registrationId });
  if (!document) return Response.json({ ok: false, formError: "Attestato non trovato." }, { status: 404 });
  const body = await buildCertificatePdf(document, { archiveCopy: true });
  await recordCertificateCopy(db(), { actor: { id: guard.user.id }, meetingId: id, registrationId, certificateId: document.certificateId });
  const name = `${document.lastName}-${document.firstName}`.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="attestato-${name || "partecipante"}-copia.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
