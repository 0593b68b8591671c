import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApplyImportButton } from "@/components/sai-projects/apply-import-button";
import { ImportRowsBrowser, ImportTotals } from "@/components/sai-projects/import-rows";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { type SearchParams } from "@/lib/platform/forms/search-params";
import { applySaiImportAction } from "@/lib/sai-projects/import/actions";
import { routes } from "@/lib/routes";
import { appliedChangesMessage, IMPORT_PATH } from "@/lib/sai-projects/import/messages";
import { planImport } from "@/lib/sai-projects/import/plan";
import { getSaiImport, loadPlanContext } from "@/lib/sai-projects/import/queries";
import { saiImportIdSchema } from "@/lib/sai-projects/import/schema";
import { displayRows } from "@/lib/sai-projects/import/summary";
import { uuidSegment } from "@/lib/segments";
import { db } from "@/lib/db";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
};

const loadImport = cache((id: string) => (saiImportIdSchema.safeParse(id).success ? getSaiImport(db(), id) : Promise.resolve(null)));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await guardPage("read");
  const found = await loadImport(uuidSegment((await params).id));
  return { title: found ? `Importazione di ${found.fileName}` : "Importazione non trovata" };
}

export default async function ImportPreviewPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const found = await loadImport(uuidSegment((await params).id));
  if (!found) notFound();
  const query = await searchParams;
  const justApplied = query.esito === "applicata";
  const path = routes.dashboard.saiImport(found.id);

  if (found.appliedAt && found.summary) {
    const summary = found.summary;
    return (
      <>
        <p className="small mb-1">
          <Link href={IMPORT_PATH}>Torna alle importazioni</Link>
        </p>
        <h1>Importazione di {found.fileName}</h1>
        <div className={justApplied ? "alert alert-success" : "alert alert-info"} role="status">
          Importazione applicata il <RomeTime date={found.appliedAt} />
          {found.appliedBy ? ` da ${found.appliedBy}` : ""}.
          {` ${appliedChangesMessage(summary)}`}
        </div>
        <ImportTotals
          applied
          totals={{
            create: summary.created,
            update: summary.updated,
            unchanged: summary.unchanged,
            rejected: summary.rejected,
            bodies: summary.bodiesCreated,
            municipalities: summary.municipalitiesMarked,
          }}
        />
        <ImportRowsBrowser rows={summary.rows} applied path={path} params={query} />
      </>
    );
  }

  const plan = planImport(found.rows, await loadPlanContext(db()));
  const changes = plan.totals.create + plan.totals.update + plan.totals.bodiesToCreate + plan.totals.municipalitiesToMark;
  return (
    <>
      <p className="small mb-1">
        <Link href={IMPORT_PATH}>Torna alle importazioni</Link>
      </p>
      <h1>Anteprima dell&apos;importazione di {found.fileName}</h1>
      <p className="lead">
        Caricato il <RomeTime date={found.createdAt} />
        {found.createdBy ? ` da ${found.createdBy}` : ""}. Nulla è ancora cambiato: ecco che cosa farebbe l&apos;importazione
        con i dati di adesso.
      </p>
      <ImportTotals
        applied={false}
        totals={{
          create: plan.totals.create,
          update: plan.totals.update,
          unchanged: plan.totals.unchanged,
          rejected: plan.totals.rejected,
          bodies: plan.totals.bodiesToCreate,
          municipalities: plan.municipalitiesToMark.map((m) => m.name),
        }}
      />
      {can(user.role, "write") ? (
        <>
          <p>
            {changes === 0
              ? "Applicarla non cambierebbe nulla: i progetti del file sono già registrati così."
              : "Applicandola, i cambiamenti avvengono tutti insieme; le righe scartate sono ignorate. Se nel frattempo i dati sono cambiati, l'importazione tiene conto di quelli nuovi."}
          </p>
          <ApplyImportButton action={applySaiImportAction.bind(null, found.id)} />
        </>
      ) : (
        <p>Il tuo profilo consente di vedere l&apos;anteprima, non di applicarla.</p>
      )}
      <ImportRowsBrowser rows={displayRows(plan)} applied={false} path={path} params={query} />
    </>
  );
}
