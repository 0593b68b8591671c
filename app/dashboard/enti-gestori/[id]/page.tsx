import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ManagingBodyForm } from "@/components/managing-bodies/managing-body-form";
import { MergeForm } from "@/components/managing-bodies/merge-form";
import { NamedBy } from "@/components/managing-bodies/named-by";
import { groupByProvince } from "@/components/registrations/municipality-groups";
import { RemoveProjectButton } from "@/components/sai-projects/remove-project-button";
import { SaiProjectForm } from "@/components/sai-projects/sai-project-form";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { mergeManagingBodyAction, updateManagingBodyAction } from "@/lib/managing-bodies/actions";
import { MANAGING_BODIES_PATH } from "@/lib/managing-bodies/messages";
import { getManagingBody, listMergeCandidates } from "@/lib/managing-bodies/queries";
import { managingBodyIdSchema } from "@/lib/managing-bodies/schema";
import { listMunicipalitiesForSelect } from "@/lib/municipalities/queries";
import { addSaiProjectAction, removeSaiProjectAction, updateSaiProjectAction } from "@/lib/sai-projects/actions";
import { SAI_CATEGORY_LABELS } from "@/lib/sai-projects/labels";
import { EMPTY_SAI_PROJECT } from "@/lib/sai-projects/schema";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ esito?: string | string[] }>;
};

const loadBody = cache((id: string) => (managingBodyIdSchema.safeParse(id).success ? getManagingBody(db(), id) : Promise.resolve(null)));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await guardPage("read");
  const body = await loadBody(uuidSegment((await params).id));
  return { title: body ? body.name : "Ente gestore non trovato" };
}

const OUTCOMES: Record<string, string> = {
  creato: "Ente gestore creato. Ora puoi aggiungere i suoi progetti SAI.",
  unito: "Enti gestori uniti: progetti, iscrizioni e inviti sono ora di questo ente.",
  "unito-codici-scartati":
    "Enti gestori uniti: progetti, iscrizioni e inviti sono ora di questo ente. Per uno o più Comuni questo ente aveva già un codice progetto diverso da quello dell'altro: è rimasto il suo, e i codici scartati sono nel registro attività, alla voce dell'unione.",
};

export default async function ManagingBodyPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const body = await loadBody(uuidSegment((await params).id));
  if (!body) notFound();
  const mayWrite = can(user.role, "write");
  const esito = (await searchParams).esito;
  const outcome = typeof esito === "string" ? OUTCOMES[esito] : undefined;
  const [municipalities, candidates] = mayWrite ? await Promise.all([listMunicipalitiesForSelect(db()), listMergeCandidates(db(), body.id)]) : [[], []];
  const groups = groupByProvince(municipalities);

  return (
    <>
      <p className="small mb-1">
        <Link href={MANAGING_BODIES_PATH}>Torna agli enti gestori</Link>
      </p>
      <h1>{body.name}</h1>
      {outcome ? (
        <div className="alert alert-success" role="status">
          {outcome}
        </div>
      ) : null}

      <section className="my-5" aria-labelledby="dati-titolo">
        <h2 id="dati-titolo">Dati dell&apos;ente</h2>
        {mayWrite ? (
          <ManagingBodyForm
            action={updateManagingBodyAction.bind(null, body.id)}
            initialValues={{ name: body.name, taxCode: body.taxCode ?? "", email: body.email ?? "", pec: body.pec ?? "", phone: body.phone ?? "" }}
            formId="ente"
            submitLabel="Salva i dati"
            showSuccess
          />
        ) : (
          <dl>
            <dt>Codice fiscale o partita IVA</dt>
            <dd>{body.taxCode ?? "Non indicato"}</dd>
            <dt>Email</dt>
            <dd>{body.email ?? "—"}</dd>
            <dt>PEC</dt>
            <dd>{body.pec ?? "—"}</dd>
            <dt>Telefono</dt>
            <dd>{body.phone ?? "—"}</dd>
          </dl>
        )}
      </section>

      <section className="my-5" aria-labelledby="progetti-titolo">
        <h2 id="progetti-titolo">Progetti SAI</h2>
        {body.saiProjects.length === 0 ? (
          <p>Nessun progetto SAI registrato per questo ente.</p>
        ) : (
          <TableScroll label="Tabella dei progetti SAI dell'ente">
            <table className="table align-top">
              <caption>Progetti SAI gestiti da {body.name} ({body.saiProjects.length})</caption>
              <thead>
                <tr>
                  <th scope="col">Comune</th>
                  <th scope="col">Categoria</th>
                  <th scope="col">Codice progetto</th>
                  <th scope="col">Posti</th>
                  {mayWrite ? <th scope="col">Azioni</th> : null}
                </tr>
              </thead>
              <tbody>
                {body.saiProjects.map((project) => {
                  const description = `${SAI_CATEGORY_LABELS[project.category]} di ${project.municipality.name}`;
                  return (
                    <tr key={project.id}>
                      <th scope="row" className="fw-normal">
                        <Link href={routes.dashboard.municipality(project.municipality.id)}>{project.municipality.name}</Link> ({project.municipality.province})
                      </th>
                      <td>{SAI_CATEGORY_LABELS[project.category]}</td>
                      <td>{project.projectCode ?? "—"}</td>
                      <td>{project.places ?? "—"}</td>
                      {mayWrite ? (
                        <td>
                          <details className="mb-2">
                            <summary>
                              Modifica<span className="visually-hidden"> il progetto {description}</span>
                            </summary>
                            <SaiProjectForm
                              action={updateSaiProjectAction.bind(null, body.id, project.id)}
                              formId={`progetto-${project.id}`}
                              initialValues={{
                                municipalityId: project.municipality.id,
                                category: project.category,
                                projectCode: project.projectCode ?? "",
                                places: project.places === null ? "" : String(project.places),
                              }}
                              municipalities={groups}
                              submitLabel="Salva il progetto"
                            />
                          </details>
                          <RemoveProjectButton action={removeSaiProjectAction.bind(null, body.id, project.id)} projectId={project.id} description={description} />
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        {mayWrite ? (
          <section className="mt-4" aria-labelledby="nuovo-progetto-titolo">
            <h3 id="nuovo-progetto-titolo">Aggiungi un progetto</h3>
            <SaiProjectForm
              action={addSaiProjectAction.bind(null, body.id)}
              formId="nuovo-progetto"
              initialValues={EMPTY_SAI_PROJECT}
              municipalities={groups}
              submitLabel="Aggiungi il progetto"
              resetOnSuccess
            />
          </section>
        ) : null}
      </section>

      <NamedBy body={body} />

      {mayWrite ? (
        <section className="my-5" aria-labelledby="unisci-titolo">
          <h2 id="unisci-titolo">Unisci con un altro ente gestore</h2>
          <p>
            Se lo stesso ente compare due volte (per esempio con e senza codice fiscale), uniscili: i progetti SAI, le
            iscrizioni e gli inviti passano all&apos;ente che resta. Se entrambi hanno un progetto nello stesso Comune e
            categoria, resta quello dell&apos;ente che resta, completato con codice e posti dell&apos;altro (se ha già un
            codice diverso, resta il suo e l&apos;altro è annotato nel registro attività). L&apos;ente che
            resta tiene il suo codice fiscale, o prende quello dell&apos;altro se non ne ha.
          </p>
          {candidates.length > 0 ? (
            <MergeForm action={mergeManagingBodyAction.bind(null, body.id)} bodyName={body.name} candidates={candidates} />
          ) : (
            <p>Non ci sono altri enti gestori.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
