import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SheetStatusBadge } from "@/components/referents/referent-status-badge";
import { ApproveSheetForm, RejectSheetForm } from "@/components/referents/sheet-review-forms";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { approveSheetAction, rejectSheetAction } from "@/lib/referents/actions";
import { REFERENT_ROLE_LABELS } from "@/lib/referents/labels";
import { approvalPreview, type ListedReferent } from "@/lib/referents/sheets/review";
import { getSheetForReview, type SheetForReview } from "@/lib/referents/sheets/queries";
import { sheetIdSchema } from "@/lib/referents/sheets/schema";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

type PageProps = { params: Promise<{ id: string }> };

const loadSheet = cache((id: string) => (sheetIdSchema.safeParse(id).success ? getSheetForReview(db(), id) : Promise.resolve(null)));

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await guardPage("read");
  const id = uuidSegment((await params).id);
  const found = await loadSheet(id);
  return { title: found ? `Scheda referenti - ${found.sheet.municipality.name}` : "Scheda non trovata" };
}

function PeopleList({ people, empty }: { people: readonly { email: string; name: string; role: string; office: string | null }[]; empty: string }) {
  if (people.length === 0) return <p className="small">{empty}</p>;
  return (
    <ul>
      {people.map((person) => (
        <li key={person.email}>
          <strong>{person.name}</strong> ({person.email}), {person.role}
          {person.office ? `, ${person.office}` : ""}
        </li>
      ))}
    </ul>
  );
}

function ApprovalChanges({ found }: { found: SheetForReview }) {
  const listed: ListedReferent[] = found.sheet.entries.map((entry) => ({
    email: entry.email,
    name: `${entry.firstName} ${entry.lastName}`,
    role: REFERENT_ROLE_LABELS[entry.role],
    office: entry.office,
  }));
  const current = found.activeReferents.map((referent) => ({
    id: referent.id,
    email: referent.person.email,
    name: `${referent.person.firstName} ${referent.person.lastName}`,
    role: REFERENT_ROLE_LABELS[referent.role],
    office: referent.office,
  }));
  const preview = approvalPreview(listed, current);
  const { sheet } = found;
  return (
    <section className="my-5" aria-labelledby="cosa-cambia">
      <h2 id="cosa-cambia">Cosa cambia approvando</h2>
      <h3 className="h5">Diventano referenti attivi</h3>
      <PeopleList people={preview.joining} empty="Nessuno: tutti i referenti indicati sono già attivi." />
      <h3 className="h5">Restano attivi (con ruolo e ufficio della scheda)</h3>
      <PeopleList people={preview.staying} empty="Nessuno." />
      <h3 className="h5">Sono revocati, perché non più indicati</h3>
      <PeopleList people={preview.leaving} empty="Nessuno." />
      <p>
        {sheet.municipality.pec === sheet.pec
          ? "La PEC del Comune resta invariata."
          : `La PEC del Comune diventa ${sheet.pec}${sheet.municipality.pec ? ` (ora è ${sheet.municipality.pec})` : ""}.`}{" "}
        Ciascun referente indicato riceve un&apos;email.
      </p>
    </section>
  );
}

function Outcome({ sheet }: { sheet: SheetForReview["sheet"] }) {
  if (sheet.status === "PENDING" || !sheet.reviewedAt) return null;
  const who = sheet.reviewedBy ? (sheet.reviewedBy.name ?? sheet.reviewedBy.email) : "un utente non più presente";
  return (
    <div className={`alert ${sheet.status === "APPROVED" ? "alert-success" : "alert-warning"} my-4`}>
      <h2 className="h5">{sheet.status === "APPROVED" ? "Scheda approvata" : "Scheda respinta"}</h2>
      <p className="mb-0">
        {sheet.status === "APPROVED" ? "Approvata" : "Respinta"} <RomeTime date={sheet.reviewedAt} /> da {who}.
        {sheet.status === "APPROVED" ? " I referenti indicati sono stati resi attivi e avvisati per email." : null}
      </p>
      {sheet.rejectionReason ? <p className="mb-0 mt-2">Motivo inviato a chi l&apos;ha compilata: {sheet.rejectionReason}</p> : null}
    </div>
  );
}

export default async function SheetReviewPage({ params }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const found = await loadSheet(id);
  if (!found) notFound();
  const { sheet } = found;
  const mayWrite = can(user.role, "write");

  return (
    <>
      <p className="small mb-1">
        <Link href={routes.dashboard.referents()}>Torna ai referenti</Link>
      </p>
      <h1>Scheda referenti del Comune di {sheet.municipality.name}</h1>
      <p>
        Stato: <SheetStatusBadge status={sheet.status} />
      </p>
      <Outcome sheet={sheet} />

      <dl className="row">
        <dt className="col-sm-3">Comune</dt>
        <dd className="col-sm-9">
          <Link href={routes.dashboard.municipality(sheet.municipality.id)}>{sheet.municipality.name}</Link> (provincia di {sheet.municipality.provinceName})
        </dd>
        <dt className="col-sm-3">PEC indicata</dt>
        <dd className="col-sm-9 text-break">{sheet.pec}</dd>
        <dt className="col-sm-3">Inviata</dt>
        <dd className="col-sm-9">
          <RomeTime date={sheet.submittedAt} />
          {sheet.submissions > 1 ? (
            <>
              {" "}
              (inviata {sheet.submissions} volte, la prima <RomeTime date={sheet.firstSubmittedAt} />)
            </>
          ) : null}
        </dd>
        <dt className="col-sm-3">Compilata da</dt>
        <dd className="col-sm-9">
          <Link href={routes.dashboard.person(sheet.officerPersonId)}>
            {sheet.officerFirstName} {sheet.officerLastName}
          </Link>
          {sheet.officerRoleTitle ? `, ${sheet.officerRoleTitle}` : ""}
          <div className="small text-break">
            {sheet.officerEmail}
            {sheet.officerPhone ? ` · ${sheet.officerPhone}` : ""}
          </div>
        </dd>
        <dt className="col-sm-3">Consensi</dt>
        <dd className="col-sm-9">
          Informativa privacy (versione del {formatIsoCalendarDate(sheet.privacyNoticeVersion)}) accettata <RomeTime date={sheet.privacyConsentAt} />.
          <br />
          Comunicazioni del Coordinamento: {sheet.communicationsConsent ? "sì" : "no"}.
        </dd>
      </dl>

      <TableScroll label="Tabella dei referenti indicati" className="my-4">
        <table className="table align-top">
          <caption>Referenti indicati nella scheda ({sheet.entries.length})</caption>
          <thead>
            <tr>
              <th scope="col">Referente</th>
              <th scope="col">Ruolo</th>
              <th scope="col">Ufficio o incarico</th>
              <th scope="col">Email</th>
              <th scope="col">Telefono</th>
            </tr>
          </thead>
          <tbody>
            {sheet.entries.map((entry) => (
              <tr key={entry.id}>
                <th scope="row" className="fw-normal">
                  {entry.firstName} {entry.lastName}
                </th>
                <td>{REFERENT_ROLE_LABELS[entry.role]}</td>
                <td>{entry.office ?? "—"}</td>
                <td className="text-break">{entry.email}</td>
                <td>{entry.phone ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {sheet.status === "PENDING" ? (
        <>
          <ApprovalChanges found={found} />
          {mayWrite ? (
            <>
              <section className="my-5" aria-labelledby="approva-titolo">
                <h2 id="approva-titolo">Approva</h2>
                <ApproveSheetForm action={approveSheetAction.bind(null, sheet.id, sheet.submissions)} municipalityName={sheet.municipality.name} />
              </section>
              <section className="my-5" aria-labelledby="respingi-titolo">
                <h2 id="respingi-titolo">Respingi</h2>
                <p>I referenti attuali restano come sono. Chi ha compilato la scheda riceve il motivo e il link per compilarla di nuovo.</p>
                <RejectSheetForm action={rejectSheetAction.bind(null, sheet.id, sheet.submissions)} />
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
