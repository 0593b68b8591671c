import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { PublicPage } from "@/components/layout/public-page";
import { Callout } from "@/components/ui/callout";
import { RomeTime } from "@/components/ui/rome-time";
import { displayCertificateCode } from "@/lib/certificates/code";
import { loadCertificateVerification } from "@/lib/certificates/queries";
import { clientIp, limitPublicWrite, RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { SITE } from "@/lib/site";
import { certificateCodeSegment } from "@/lib/segments";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// The code is a credential: never indexed, never sent to another site as a Referer.
export const metadata: Metadata = {
  title: "Verifica dell'attestato di partecipazione",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

const LAST_UPDATED = new Date("2026-11-26T12:00:00Z");

type PageProps = { params: Promise<{ code: string }> };

/**
 * Anyone holding an attestato (or its QR) checks it here. Valid: the name and
 * the meeting, nothing else (no email, organisation or minutes). Unknown,
 * replaced or revoked: the same page says it is not valid. Not even the shape
 * of a code: not found.
 */
export default async function VerifyCertificatePage({ params }: PageProps) {
  const code = certificateCodeSegment((await params).code);
  const limit = await limitPublicWrite({ ip: clientIp(await headers()) });
  const verification = limit.ok ? await loadCertificateVerification(db(), code) : null;
  const display = displayCertificateCode(code);

  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <h1 className="mb-4">Verifica dell&apos;attestato di partecipazione</h1>
      {!verification ? (
        <div className="alert alert-warning" role="status">
          <h2 className="h4">Verifica non disponibile</h2>
          <p className="mb-0">{RATE_LIMIT_MESSAGE}</p>
        </div>
      ) : verification.valid ? (
        <Callout title="Attestato valido" variant="success" icon="it-check-circle">
          <p>Il codice corrisponde a un attestato di partecipazione rilasciato da {SITE.owner} e non revocato.</p>
          <dl className="row mb-0">
            <dt className="col-sm-3">Partecipante</dt>
            <dd className="col-sm-9">
              {verification.document.firstName} {verification.document.lastName}
            </dd>
            <dt className="col-sm-3">Incontro</dt>
            <dd className="col-sm-9">{verification.document.meeting.title}</dd>
            <dt className="col-sm-3">Data</dt>
            <dd className="col-sm-9">
              <RomeTime date={verification.document.meeting.startsAt} format="date" />
            </dd>
            <dt className="col-sm-3">Codice</dt>
            <dd className="col-sm-9 font-monospace">{display}</dd>
          </dl>
        </Callout>
      ) : (
        <Callout title="Attestato non valido" variant="danger" icon="it-close-circle">
          <p className="mb-0">
            Questo codice non corrisponde a un attestato valido: può essere stato copiato in modo errato, sostituito da un
            attestato più recente oppure revocato.
          </p>
        </Callout>
      )}
      <p className="mt-4">
        Per informazioni sugli attestati scrivi alla Segreteria del Coordinamento:{" "}
        <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a>. Torna all&apos;<Link href="/">elenco delle convocazioni</Link>.
      </p>
    </PublicPage>
  );
}
