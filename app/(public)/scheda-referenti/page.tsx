import type { Metadata } from "next";
import { PublicPage } from "@/components/layout/public-page";
import { ReferentSheetForm } from "@/components/referents/referent-sheet-form";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { submitReferentSheetAction } from "@/lib/referents/sheets/actions";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Scheda referenti" };

const LAST_UPDATED = new Date(`${PRIVACY_NOTICE_VERSION}T12:00:00Z`);

export default async function ReferentSheetPage() {
  const municipalities = groupByProvince(await listMunicipalitiesForSelect(db()));
  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <h1 className="mb-4">Scheda referenti</h1>
      <p className="lead">
        Con questa scheda il Comune indica i propri referenti per il Coordinamento dei Comuni siciliani aderenti al
        SAI: riceveranno le convocazioni dei tavoli tecnici, dei webinar e degli incontri di formazione.
      </p>
      <p>
        La scheda è verificata dalla Segreteria del Coordinamento prima di essere registrata. Se il Comune ha già
        inviato una scheda non ancora verificata, quella nuova la sostituisce; quando la scheda è approvata, i referenti
        indicati sostituiscono quelli registrati in precedenza.
      </p>
      <ReferentSheetForm action={submitReferentSheetAction} municipalities={municipalities} privacyVersion={PRIVACY_NOTICE_VERSION} />
    </PublicPage>
  );
}
