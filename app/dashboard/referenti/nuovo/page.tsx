import type { Metadata } from "next";
import Link from "next/link";
import { AddReferentForm } from "@/components/referents/add-referent-form";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { guardPage } from "@/lib/auth/guard";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { param } from "@/lib/platform/forms/search-params";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { addReferentAction } from "@/lib/referents/actions";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Aggiungi un referente" };

type Props = { searchParams: Promise<SearchParams> };

export default async function NewReferentPage({ searchParams }: Props) {
  await guardPage("write");
  const municipalities = await listMunicipalitiesForSelect(db());
  // ?comune=<id> from a Comune's page preselects it; anything else is ignored.
  const wanted = param(await searchParams, "comune");
  const municipalityId = municipalities.some((municipality) => municipality.id === wanted) ? wanted : "";
  return (
    <>
      <p className="small mb-1">
        <Link href={routes.dashboard.referents()}>Torna ai referenti</Link>
      </p>
      <h1>Aggiungi un referente</h1>
      <p className="lead">
        La persona diventa referente attivo del Comune e riceve un&apos;email che le spiega il ruolo. Se era stata
        revocata, torna attiva.
      </p>
      <AddReferentForm action={addReferentAction} municipalities={groupByProvince(municipalities)} municipalityId={municipalityId} />
    </>
  );
}
