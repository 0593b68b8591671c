import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EditReferentForm, RevokeReferentForm } from "@/components/referents/referent-edit-forms";
import { ReferentStatusBadge } from "@/components/referents/referent-status-badge";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { revokeReferentAction, updateReferentAction } from "@/lib/referents/actions";
import { REFERENT_ROLE_LABELS, REFERENT_SOURCE_LABELS } from "@/lib/referents/labels";
import { getReferent } from "@/lib/referents/queries";
import { referentIdSchema } from "@/lib/referents/schema";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

type PageProps = { params: Promise<{ id: string }> };

const loadReferent = cache((id: string) => (referentIdSchema.safeParse(id).success ? getReferent(db(), id) : Promise.resolve(null)));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await guardPage("read");
  const id = uuidSegment((await params).id);
  const referent = await loadReferent(id);
  return { title: referent ? `Referente - ${referent.person.firstName} ${referent.person.lastName}` : "Referente non trovato" };
}

export default async function ReferentPage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const referent = await loadReferent(id);
  if (!referent) notFound();
  const { person, municipality } = referent;
  const name = `${person.firstName} ${person.lastName}`;
  const mayWrite = can(user.role, "write");

  return (
    <>
      <p className="small mb-1">
        <Link href={routes.dashboard.referents()}>Torna ai referenti</Link>
      </p>
      <h1>{name}</h1>
      <p className="lead">
        Referente {REFERENT_ROLE_LABELS[referent.role].toLowerCase()} del Comune di{" "}
        <Link href={routes.dashboard.municipality(municipality.id)}>{municipality.name}</Link>
      </p>

      <dl className="row">
        <dt className="col-sm-3">Stato</dt>
        <dd className="col-sm-9">
          <ReferentStatusBadge status={referent.status} />{" "}
          {referent.status === "ACTIVE" ? (
            <>
              dal <RomeTime date={referent.activatedAt} format="date" />
            </>
          ) : referent.revokedAt ? (
            <>
              il <RomeTime date={referent.revokedAt} format="date" />
            </>
          ) : null}
        </dd>
        {referent.revokedReason ? (
          <>
            <dt className="col-sm-3">Motivo della revoca</dt>
            <dd className="col-sm-9">{referent.revokedReason}</dd>
          </>
        ) : null}
        <dt className="col-sm-3">Ufficio o incarico</dt>
        <dd className="col-sm-9">{referent.office ?? "—"}</dd>
        <dt className="col-sm-3">Email</dt>
        <dd className="col-sm-9 text-break">{person.email}</dd>
        <dt className="col-sm-3">Telefono</dt>
        <dd className="col-sm-9">{person.phone ?? "—"}</dd>
        <dt className="col-sm-3">Origine</dt>
        <dd className="col-sm-9">
          {REFERENT_SOURCE_LABELS[referent.source]}
          {referent.sheet ? (
            <>
              {" "}
              (<Link href={routes.dashboard.referentSheet(referent.sheet.id)}>vedi la scheda</Link>)
            </>
          ) : null}
        </dd>
        <dt className="col-sm-3">Persona</dt>
        <dd className="col-sm-9">
          <Link href={routes.dashboard.person(person.id)}>Tutti i dati di {name}</Link>
        </dd>
      </dl>

      {mayWrite ? (
        <>
          <section className="my-5" aria-labelledby="modifica-titolo">
            <h2 id="modifica-titolo">Modifica</h2>
            <EditReferentForm
              action={updateReferentAction.bind(null, referent.id)}
              initial={{ firstName: person.firstName, lastName: person.lastName, phone: person.phone ?? "", role: referent.role, office: referent.office ?? "" }}
            />
          </section>
          {referent.status === "ACTIVE" ? (
            <section className="my-5" aria-labelledby="revoca-titolo">
              <h2 id="revoca-titolo">Revoca</h2>
              <p>Il referente non riceverà più i promemoria del Coordinamento per questo Comune.</p>
              <RevokeReferentForm action={revokeReferentAction.bind(null, referent.id)} />
            </section>
          ) : (
            <p>
              Per renderlo di nuovo attivo, <Link href={`${routes.dashboard.newReferent()}?comune=${municipality.id}`}>aggiungilo come referente</Link> con
              lo stesso indirizzo email.
            </p>
          )}
        </>
      ) : null}
    </>
  );
}
