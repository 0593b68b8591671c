import type { Metadata } from "next";
import Link from "next/link";
import { ImportUploadForm } from "@/components/sai-projects/import-upload-form";
import { ImportHistoryTable } from "@/components/imports/import-history-table";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { param, type SearchParams } from "@/lib/platform/forms/search-params";
import { MANAGING_BODIES_PATH } from "@/lib/managing-bodies/messages";
import { REQUIRED_COLUMN_GROUPS, type RequiredColumnGroup } from "@/lib/sai-projects/import/columns";
import { importPath, isUploadErrorCode, uploadErrorMessage } from "@/lib/sai-projects/import/messages";
import { listSaiImports } from "@/lib/sai-projects/import/queries";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Importa i progetti SAI" };

type Props = { searchParams: Promise<SearchParams> };

function uploadError(params: SearchParams): string | undefined {
  const code = param(params, "errore");
  if (!isUploadErrorCode(code)) return undefined;
  const missing = param(params, "mancano")
    .split(",")
    .filter((group): group is RequiredColumnGroup => Object.hasOwn(REQUIRED_COLUMN_GROUPS, group));
  return uploadErrorMessage(code, missing);
}

export default async function ImportPage({ searchParams }: Props) {
  const user = await guardPage("read");
  const error = uploadError(await searchParams);
  const imports = await listSaiImports(db());

  return (
    <>
      <p className="small mb-1">
        <Link href={MANAGING_BODIES_PATH}>Torna agli enti gestori</Link>
      </p>
      <h1>Importa i progetti SAI</h1>
      <p className="lead">
        Carica l&apos;elenco dei progetti SAI: prima di cambiare qualcosa vedrai, riga per riga, che cosa verrebbe creato,
        aggiornato o scartato e perché. Importare di nuovo lo stesso file non cambia nulla.
      </p>
      <h2 className="h4">Colonne riconosciute</h2>
      <p>La prima riga del file è l&apos;intestazione; maiuscole, accenti e spazi non contano.</p>
      <ul>
        <li>
          <strong>Codice ISTAT</strong> e/o <strong>Comune</strong> (obbligatorio almeno uno): il Comune è cercato per codice
          ISTAT, altrimenti per nome esatto.
        </li>
        <li>
          <strong>Ente gestore</strong> (obbligatoria): il nome; <strong>Codice fiscale</strong> o <strong>Partita IVA</strong>{" "}
          (facoltativa): l&apos;ente è cercato per codice fiscale, altrimenti per nome, e creato se non esiste.
        </li>
        <li>
          <strong>Categoria</strong> (obbligatoria): Ordinari, MSNA (anche «minori») o DM-DS (anche «DM DS», «disagio
          mentale»).
        </li>
        <li>
          <strong>Codice progetto</strong> e <strong>Posti</strong> (facoltative).
        </li>
      </ul>

      {can(user.role, "write") ? (
        <ImportUploadForm action={routes.dashboard.saiImportUpload()} error={error} />
      ) : (
        <p>Il tuo profilo consente di consultare le importazioni, non di caricarle o applicarle.</p>
      )}

      <h2 className="h4 mt-5">Ultime importazioni</h2>
      <ImportHistoryTable
        caption="Ultime importazioni, dalla più recente"
        entries={imports.map((entry) => ({
          ...entry,
          href: importPath(entry.id),
          createdBy: null,
          outcome: entry.summary
            ? `(${plural(entry.summary.created, "creato", "creati")}, ${plural(entry.summary.updated, "aggiornato", "aggiornati")}, ${plural(entry.summary.rejected, "riga scartata", "righe scartate")})`
            : null,
        }))}
      />
    </>
  );
}
