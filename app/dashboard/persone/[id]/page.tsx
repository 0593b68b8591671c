import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ErasePersonForm } from "@/components/people/erase-person-form";
import {
  PersonAudit,
  PersonEmails,
  PersonInvitations,
  PersonReferents,
  PersonSheets,
} from "@/components/people/person-sections";
import { PersonRegistrations } from "@/components/people/person-registrations";
import { UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { Callout } from "@/components/ui/callout";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { erasePersonAction } from "@/lib/people/actions";
import { getPersonRecords } from "@/lib/people/queries";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

type PageProps = { params: Promise<{ id: string }> };

const loadRecords = cache((id: string) => getPersonRecords(db(), { id }));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  // Metadata renders beside the page, not after it: it needs its own guard.
  await guardPage("read");
  const id = uuidSegment((await params).id);
  const records = await loadRecords(id);
  if (!records) return { title: "Persona non trovata" };
  return { title: records.person.erasedAt ? "Persona con dati cancellati" : `${records.person.firstName} ${records.person.lastName}` };
}

export default async function PersonPage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const records = await loadRecords(id);
  if (!records) notFound();
  const { person } = records;
  const canWrite = can(user.role, "write");

  return (
    <>
      <p className="mb-2">
        <Link href={routes.dashboard.people()}>Tutte le persone</Link>
      </p>
      <h1>{person.erasedAt ? "Persona con dati cancellati" : `${person.firstName} ${person.lastName}`}</h1>
      {person.erasedAt ? (
        <Callout title="Dati cancellati" variant="warning" icon="it-error">
          <p>
            I dati di questa persona sono stati cancellati il <RomeTime date={person.erasedAt} />. Restano solo record anonimi,
            perché i conteggi degli incontri non cambino.
          </p>
        </Callout>
      ) : null}

      <dl className="meeting-facts mb-5">
        <dt>Email</dt>
        <dd>
          {person.email}
          <UndeliverableBadge reason={records.undeliverable} />
        </dd>
        <dt>Telefono</dt>
        <dd>{person.phone ?? "—"}</dd>
        <dt>Ruolo</dt>
        <dd>{person.roleTitle ?? "—"}</dd>
        <dt>Organizzazione</dt>
        <dd>{person.organisation ?? "—"}</dd>
        <dt>Consenso alle comunicazioni</dt>
        <dd>
          {person.communicationsConsent ? (
            person.communicationsConsentAt ? (
              <>
                sì, dal <RomeTime date={person.communicationsConsentAt} format="date" />
              </>
            ) : (
              "sì"
            )
          ) : person.communicationsConsentWithdrawnAt ? (
            <>
              ritirato il <RomeTime date={person.communicationsConsentWithdrawnAt} format="date" />
            </>
          ) : (
            "no"
          )}
        </dd>
        <dt>Nel portale dal</dt>
        <dd>
          <RomeTime date={person.createdAt} />
        </dd>
        <dt>Ultima modifica</dt>
        <dd>
          <RomeTime date={person.updatedAt} />
        </dd>
      </dl>

      {canWrite ? (
        <section className="mb-5" aria-labelledby="esporta-titolo">
          <h2 id="esporta-titolo">Esporta i dati</h2>
          <p>Un file JSON con tutti i record qui sotto (senza link personali né codici di accesso). L&apos;esportazione resta nel registro attività.</p>
          <a className="btn btn-outline-primary" href={routes.dashboard.personExport(person.id)} download>
            Esporta i dati (JSON)
          </a>
        </section>
      ) : null}

      <section className="mb-5" aria-labelledby="iscrizioni-titolo">
        <h2 id="iscrizioni-titolo">Iscrizioni</h2>
        <PersonRegistrations registrations={records.registrations} />
      </section>
      <section className="mb-5" aria-labelledby="inviti-titolo">
        <h2 id="inviti-titolo">Inviti ricevuti</h2>
        <PersonInvitations invitations={records.invitations} />
      </section>
      <section className="mb-5" aria-labelledby="referente-titolo">
        <h2 id="referente-titolo">Designazioni come referente</h2>
        <PersonReferents referents={records.referents} />
      </section>
      <section className="mb-5" aria-labelledby="schede-titolo">
        <h2 id="schede-titolo">Schede referenti</h2>
        <PersonSheets sheets={records.sheetsAsOfficer} entries={records.sheetEntries} />
      </section>
      <section className="mb-5" aria-labelledby="email-titolo">
        <h2 id="email-titolo">Email</h2>
        <PersonEmails emails={records.emails} />
      </section>
      <section className="mb-5" aria-labelledby="attivita-titolo">
        <h2 id="attivita-titolo">Registro attività</h2>
        <PersonAudit entries={records.audit} />
      </section>

      {canWrite && !person.erasedAt ? (
        <section className="mb-5" aria-labelledby="cancella-titolo">
          <h2 id="cancella-titolo">Cancella i dati</h2>
          <ErasePersonForm action={erasePersonAction.bind(null, person.id)} />
        </section>
      ) : null}
    </>
  );
}
