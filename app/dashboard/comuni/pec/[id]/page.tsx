import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApplyImportButton } from "@/components/sai-projects/apply-import-button";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { applyPecImportAction } from "@/lib/municipalities/indicepa/actions";
import { planPecImport, writesOf, type PecChange, type PecWrite } from "@/lib/municipalities/indicepa/plan";
import { getPecImport, loadStoredMunicipalities } from "@/lib/municipalities/indicepa/queries";
import { pecImportIdSchema } from "@/lib/municipalities/indicepa/schema";
import { plural } from "@/lib/platform/format/plural";
import type { SearchParams } from "@/lib/platform/forms/search-params";
import { routes } from "@/lib/routes";
import { uuidSegment } from "@/lib/segments";

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

const loadImport = cache((id: string) => (pecImportIdSchema.safeParse(id).success ? getPecImport(db(), id) : Promise.resolve(null)));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await guardPage("read");
  const found = await loadImport(uuidSegment((await params).id));
  return { title: found ? `PEC da ${found.fileName}` : "Importazione non trovata" };
}

function WritesTable({ writes, caption }: { writes: readonly PecWrite[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="table align-top">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Comune</th>
            <th scope="col">PEC finora</th>
            <th scope="col">PEC da IndicePA</th>
          </tr>
        </thead>
        <tbody>
          {writes.map((write) => (
            <tr key={write.name}>
              <th scope="row" className="fw-normal">
                {write.name}
              </th>
              <td>{write.from ?? "Non nota"}</td>
              <td>{write.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const kept = (change: PecChange) => change.kind === "no-pec" || change.kind === "invalid-pec";

export default async function PecImportPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const found = await loadImport(uuidSegment((await params).id));
  if (!found) notFound();
  const justApplied = (await searchParams).esito === "applicata";
  const back = (
    <p className="small mb-1">
      <Link href={routes.dashboard.pecImports()}>Torna alle importazioni delle PEC</Link>
    </p>
  );

  if (found.appliedAt && found.summary) {
    const { summary } = found;
    return (
      <>
        {back}
        <h1>PEC importate da {found.fileName}</h1>
        <div className={justApplied ? "alert alert-success" : "alert alert-info"} role="status">
          Importazione applicata il <RomeTime date={found.appliedAt} />
          {found.appliedBy ? ` da ${found.appliedBy}` : ""}: {plural(summary.set, "PEC aggiunta", "PEC aggiunte")},{" "}
          {plural(summary.changed, "cambiata", "cambiate")}, {plural(summary.unchanged, "già uguale", "già uguali")}.
        </div>
        {summary.writes.length > 0 ? <WritesTable writes={summary.writes} caption="PEC scritte da questa importazione" /> : null}
      </>
    );
  }

  const plan = planPecImport(found.rows, await loadStoredMunicipalities(db()));
  const writes = writesOf(plan);
  const withoutPec = plan.municipalities.filter(({ change }) => kept(change));
  return (
    <>
      {back}
      <h1>Anteprima delle PEC da {found.fileName}</h1>
      <p className="lead">
        Caricato il <RomeTime date={found.createdAt} />
        {found.createdBy ? ` da ${found.createdBy}` : ""}. Nulla è ancora cambiato: ecco che cosa farebbe l&apos;importazione con i
        dati di adesso.
      </p>
      <ul>
        <li>{plural(plan.totals.new, "PEC da aggiungere", "PEC da aggiungere")} a Comuni che non ne hanno</li>
        <li>{plural(plan.totals.changed, "PEC da cambiare", "PEC da cambiare")}</li>
        <li>{plural(plan.totals.unchanged, "Comune con la PEC già uguale", "Comuni con la PEC già uguale")}</li>
        <li>{plural(withoutPec.length, "Comune senza una PEC valida in IndicePA", "Comuni senza una PEC valida in IndicePA")}: la PEC registrata resta</li>
        <li>{plural(plan.totals["not-listed"], "Comune assente dall'elenco", "Comuni assenti dall'elenco")}</li>
        <li>
          Lette dal file e ignorate: {plural(found.skipped.notComuni, "ente che non è un Comune", "enti che non sono Comuni")},{" "}
          {plural(found.skipped.outsideSicily, "Comune fuori Sicilia", "Comuni fuori Sicilia")}
          {found.skipped.withoutIstatCode > 0
            ? `, ${plural(found.skipped.withoutIstatCode, "Comune senza un codice ISTAT valido", "Comuni senza un codice ISTAT valido")}`
            : ""}
          {plan.totals.unmatched > 0 ? `, ${plural(plan.totals.unmatched, "riga senza un Comune corrispondente", "righe senza un Comune corrispondente")}` : ""}
        </li>
      </ul>
      {can(user.role, "write") ? (
        <>
          <p>
            {writes.length === 0
              ? "Applicarla non cambierebbe nulla: le PEC dell'elenco sono già registrate così."
              : "Applicandola, le PEC cambiano tutte insieme, ciascuna sul registro attività. Se nel frattempo i dati sono cambiati, l'importazione tiene conto di quelli nuovi."}
          </p>
          <ApplyImportButton action={applyPecImportAction.bind(null, found.id)} />
        </>
      ) : (
        <p>Il tuo profilo consente di vedere l&apos;anteprima, non di applicarla.</p>
      )}
      {writes.length > 0 ? <WritesTable writes={writes} caption="PEC che l'importazione scriverebbe" /> : null}
      {withoutPec.length > 0 ? (
        <>
          <h2 className="h4 mt-4">Comuni senza una PEC valida in IndicePA</h2>
          <ul>
            {withoutPec.map(({ municipality, change }) => (
              <li key={municipality.id}>
                {municipality.name}: {change.kind === "invalid-pec" ? `«${change.found}» non è un indirizzo valido` : "nessun indirizzo di tipo «Pec»"}
                {municipality.pec ? ` (resta ${municipality.pec})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.duplicates.length > 0 ? (
        <>
          <h2 className="h4 mt-4">Comuni elencati più volte</h2>
          <ul>
            {plan.duplicates.map((row) => (
              <li key={row.line}>
                {row.name} (codice ISTAT {row.istatCode}): riga {row.line} ignorata, usata la riga {row.usedLine}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.unmatched.length > 0 ? (
        <>
          <h2 className="h4 mt-4">Righe senza un Comune corrispondente</h2>
          <p>Il loro codice ISTAT non è di nessun Comune registrato nel portale.</p>
          <ul>
            {plan.unmatched.map((row) => (
              <li key={row.line}>
                Riga {row.line}: {row.name} (codice ISTAT {row.istatCode})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
