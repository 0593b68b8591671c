import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SaiBadge } from "@/components/municipalities/sai-badge";
import { MunicipalityPecForm } from "@/components/municipalities/municipality-pec-form";
import { SaiFlagForm } from "@/components/municipalities/sai-flag-form";
import {
  MunicipalityManagingBodies,
  MunicipalityMeetings,
  MunicipalityProjects,
  MunicipalityReferents,
} from "@/components/municipalities/municipality-sections";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { setMunicipalityPecAction, setSaiFlagAction } from "@/lib/municipalities/dashboard/actions";
import { getMunicipalityDetail } from "@/lib/municipalities/dashboard/queries";
import { undeliverableAddresses } from "@/lib/email/suppression/queries";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

type PageProps = { params: Promise<{ id: string }> };

const loadMunicipality = cache((id: string) => getMunicipalityDetail(db(), id));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  // Metadata renders beside the page, not after it: it needs its own guard.
  await guardPage("read");
  const id = uuidSegment((await params).id);
  const municipality = await loadMunicipality(id);
  return { title: municipality ? `Comune di ${municipality.name}` : "Comune non trovato" };
}

export default async function MunicipalityPage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const municipality = await loadMunicipality(id);
  if (!municipality) notFound();
  const canWrite = can(user.role, "write");
  const active = municipality.referents.filter((referent) => referent.status === "ACTIVE").length;
  const undeliverable = await undeliverableAddresses(db(), municipality.referents.map((referent) => referent.person.email));

  return (
    <>
      <p className="mb-2">
        <Link href={routes.dashboard.municipalities()}>Tutti i Comuni</Link>
      </p>
      <h1>Comune di {municipality.name}</h1>
      <dl className="meeting-facts mb-5">
        <dt>Codice ISTAT</dt>
        <dd>
          <code>{municipality.istatCode}</code>
        </dd>
        <dt>Provincia</dt>
        <dd>
          {municipality.provinceName} ({municipality.province})
        </dd>
        <dt>PEC</dt>
        <dd>
          {municipality.pec ?? "Non nota"}
          {canWrite ? (
            <details className="mt-2">
              <summary>Modifica la PEC</summary>
              {/* The field's label floats above it: room for it under the summary. */}
              <div className="pt-4">
                <MunicipalityPecForm action={setMunicipalityPecAction.bind(null, municipality.id)} pec={municipality.pec} />
              </div>
            </details>
          ) : null}
        </dd>
        <dt>Adesione al SAI</dt>
        <dd>
          <SaiBadge member={municipality.saiMember} />
          <div className="small">
            {municipality.saiMember
              ? "Conta nella copertura degli incontri e riceve i promemoria."
              : "Non conta nella copertura degli incontri e non riceve i promemoria."}
          </div>
          {canWrite ? <SaiFlagForm action={setSaiFlagAction.bind(null, municipality.id)} saiMember={municipality.saiMember} /> : null}
        </dd>
        <dt>Referenti attivi</dt>
        <dd>{active}</dd>
      </dl>

      <section className="mb-5" aria-labelledby="referenti-titolo">
        <h2 id="referenti-titolo">Referenti</h2>
        {municipality.pendingSheet ? (
          <p>
            Una scheda referenti è da verificare: inviata il <RomeTime date={municipality.pendingSheet.submittedAt} />.{" "}
            <Link href={routes.dashboard.referentSheet(municipality.pendingSheet.id)}>Verifica la scheda</Link>
          </p>
        ) : (
          <p>Nessuna scheda referenti da verificare.</p>
        )}
        <MunicipalityReferents referents={municipality.referents} undeliverable={undeliverable} />
      </section>

      <section className="mb-5" aria-labelledby="progetti-titolo">
        <h2 id="progetti-titolo">Progetti SAI</h2>
        <MunicipalityProjects projects={municipality.saiProjects} />
      </section>

      <section className="mb-5" aria-labelledby="enti-titolo">
        <h2 id="enti-titolo">Enti gestori</h2>
        <MunicipalityManagingBodies bodies={municipality.managingBodies} />
      </section>

      <section className="mb-5" aria-labelledby="incontri-titolo">
        <h2 id="incontri-titolo">Iscrizioni incontro per incontro</h2>
        <p>Per ogni incontro pubblicato: chi si è iscritto per il Comune e quali gestori sono stati invitati a suo nome.</p>
        <MunicipalityMeetings meetings={municipality.meetings} />
      </section>
    </>
  );
}
