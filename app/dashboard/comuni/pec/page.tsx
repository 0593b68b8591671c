import type { Metadata } from "next";
import Link from "next/link";
import { FileUploadForm } from "@/components/forms/file-upload-form";
import { ImportHistoryTable } from "@/components/imports/import-history-table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { REQUIRED_COLUMN_GROUPS, type RequiredColumnGroup } from "@/lib/municipalities/indicepa/columns";
import { MAX_INDICEPA_BYTES } from "@/lib/municipalities/indicepa/limits";
import { INDICEPA_DATASET_URL, isUploadErrorCode, uploadErrorMessage } from "@/lib/municipalities/indicepa/messages";
import { listPecImports } from "@/lib/municipalities/indicepa/queries";
import { param, type SearchParams } from "@/lib/platform/forms/search-params";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Importa le PEC dei Comuni da IndicePA" };

function uploadError(params: SearchParams): string | undefined {
  const code = param(params, "errore");
  if (!isUploadErrorCode(code)) return undefined;
  const missing = param(params, "mancano")
    .split(",")
    .filter((group): group is RequiredColumnGroup => (REQUIRED_COLUMN_GROUPS as readonly string[]).includes(group));
  return uploadErrorMessage(code, missing);
}

export default async function PecImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await guardPage("read");
  const error = uploadError(await searchParams);
  const imports = await listPecImports(db());
  return (
    <>
      <p className="small mb-1">
        <Link href={routes.dashboard.municipalities()}>Torna ai Comuni</Link>
      </p>
      <h1>Importa le PEC dei Comuni da IndicePA</h1>
      <p className="lead">
        La convocazione va ai Comuni per PEC, all&apos;indirizzo istituzionale pubblicato nell&apos;Indice dei domicili digitali
        della Pubblica Amministrazione (IndicePA). Carica l&apos;elenco così come lo scarichi: prima di cambiare qualcosa vedrai,
        Comune per Comune, quali PEC verrebbero aggiunte o cambiate.
      </p>
      <h2 className="h4">Dove si scarica</h2>
      <p>
        Dagli open data di IndicePA, il dataset <a href={INDICEPA_DATASET_URL}>«Enti»</a> (AgID, licenza CC BY 4.0), in formato
        CSV. Il portale tiene solo i Comuni siciliani, li riconosce dal codice ISTAT e prende come PEC il primo indirizzo di tipo
        «Pec»; gli altri enti e i Comuni di altre regioni sono ignorati.
      </p>
      {can(user.role, "write") ? (
        <FileUploadForm
          action={routes.dashboard.pecImportUpload()}
          error={error}
          label="Elenco «Enti» di IndicePA (CSV)"
          accept=".csv,.txt,text/csv,text/plain"
          hint={`Al massimo ${MAX_INDICEPA_BYTES / (1024 * 1024)} MB: l'elenco intero, di tutta Italia, come lo scarichi.`}
        />
      ) : (
        <p>Il tuo profilo consente di consultare le importazioni, non di caricarle o applicarle.</p>
      )}

      <h2 className="h4 mt-5">Ultime importazioni</h2>
      <ImportHistoryTable
        caption="Ultime importazioni delle PEC, dalla più recente"
        entries={imports.map((entry) => ({ ...entry, href: routes.dashboard.pecImport(entry.id) }))}
      />
    </>
  );
}
