// The attestati page's lists: to issue, issued, revoked, not eligible.
// Server components; the buttons are the small client forms beside them.
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { FormAction } from "@/lib/platform/forms/action-state";
import type { CertificateRaw } from "@/lib/certificates/schema";
import type { CertificateRow } from "@/lib/certificates/queries";
import { ineligibleLabel } from "@/lib/certificates/eligibility";
import { EMAIL_STATUS_LABELS } from "@/lib/email/labels";
import { CertificateButton } from "./certificate-buttons";

type RowAction = (registrationId: string) => FormAction<CertificateRaw>;

export type RowActions = { issue: RowAction; reissue: RowAction; revoke: RowAction } | null;

const fullName = (row: CertificateRow) => `${row.firstName} ${row.lastName}`;

function Person({ row }: { row: CertificateRow }) {
  return (
    <th scope="row">
      {row.lastName} {row.firstName}
      {row.erased ? <span className="d-block small fw-normal">Dati cancellati</span> : null}
    </th>
  );
}

function minutesText(row: CertificateRow): string {
  if (row.eligibility.eligible && row.eligibility.wholeMeeting) return `${row.eligibility.minutes} (intero incontro)`;
  return row.eligibility.minutes === null ? "—" : String(row.eligibility.minutes);
}

export function EligibleTable({ rows, actions }: { rows: CertificateRow[]; actions: RowActions }) {
  return (
    <TableScroll label="Persone con i requisiti, senza attestato">
      <table className="table table-sm align-middle">
        <caption>Persone con i requisiti che non hanno ancora l&apos;attestato</caption>
        <thead>
          <tr>
            <th scope="col">Partecipante</th>
            <th scope="col">Ente</th>
            <th scope="col" className="text-end">Minuti di presenza</th>
            {actions ? <th scope="col">Azioni</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.registrationId}>
              <Person row={row} />
              <td>{row.organisation || "—"}</td>
              <td className="text-end">{minutesText(row)}</td>
              {actions ? (
                <td>
                  <CertificateButton action={actions.issue(row.registrationId)} person={fullName(row)}>
                    Rilascia e invia
                  </CertificateButton>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function IssuedTable({ rows, actions, copyHref }: { rows: CertificateRow[]; actions: RowActions; copyHref: (registrationId: string) => string }) {
  return (
    <TableScroll label="Attestati rilasciati">
      <table className="table table-sm align-middle">
        <caption>Attestati rilasciati e validi</caption>
        <thead>
          <tr>
            <th scope="col">Partecipante</th>
            <th scope="col">Ente</th>
            <th scope="col" className="text-end">Minuti certificati</th>
            <th scope="col">Rilasciato</th>
            <th scope="col">Email</th>
            <th scope="col">Azioni</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const certificate = row.certificate!;
            return (
              <tr key={row.registrationId}>
                <Person row={row} />
                <td>{row.organisation || "—"}</td>
                <td className="text-end">{certificate.minutes}</td>
                <td>
                  <RomeTime date={certificate.issuedAt} />
                </td>
                <td>
                  {certificate.email ? EMAIL_STATUS_LABELS[certificate.email.status] : "—"}
                  {certificate.email?.sentAt ? (
                    <span className="d-block small">
                      <RomeTime date={certificate.email.sentAt} />
                    </span>
                  ) : null}
                </td>
                <td>
                  <div className="d-flex flex-column align-items-start gap-2">
                    <a href={copyHref(row.registrationId)} download>
                      Copia d&apos;archivio (PDF)<span className="visually-hidden"> di {fullName(row)}</span>
                    </a>
                    {actions ? (
                      <>
                        <CertificateButton action={actions.reissue(row.registrationId)} version={certificate.updatedAt.toISOString()} person={fullName(row)}>
                          Invia di nuovo (nuovo codice)
                        </CertificateButton>
                        <CertificateButton action={actions.revoke(row.registrationId)} person={fullName(row)} variant="outline-danger">
                          Revoca
                        </CertificateButton>
                      </>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function RevokedTable({ rows, actions }: { rows: CertificateRow[]; actions: RowActions }) {
  return (
    <TableScroll label="Attestati revocati">
      <table className="table table-sm align-middle">
        <caption>Attestati revocati: la pagina di verifica li indica come non validi</caption>
        <thead>
          <tr>
            <th scope="col">Partecipante</th>
            <th scope="col">Ente</th>
            <th scope="col">Revocato</th>
            {actions ? <th scope="col">Azioni</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.registrationId}>
              <Person row={row} />
              <td>{row.organisation || "—"}</td>
              <td>
                <RomeTime date={row.certificate!.revokedAt!} />
              </td>
              {actions ? (
                <td>
                  {row.eligibility.eligible && !row.erased ? (
                    <CertificateButton action={actions.reissue(row.registrationId)} version={row.certificate!.updatedAt.toISOString()} person={fullName(row)}>
                      Rilascia di nuovo (nuovo codice)
                    </CertificateButton>
                  ) : (
                    <span className="small">Non ha più i requisiti</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function IneligibleTable({ rows, threshold }: { rows: CertificateRow[]; threshold: number }) {
  return (
    <TableScroll label="Persone senza i requisiti">
      <table className="table table-sm align-middle">
        <caption>Iscritti confermati senza i requisiti per l&apos;attestato, con il motivo</caption>
        <thead>
          <tr>
            <th scope="col">Partecipante</th>
            <th scope="col">Ente</th>
            <th scope="col">Motivo</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.registrationId}>
              <Person row={row} />
              <td>{row.organisation || "—"}</td>
              <td>
                {row.erased
                  ? "Dati della persona cancellati"
                  : row.eligibility.eligible
                    ? ""
                    : ineligibleLabel(row.eligibility.reason, row.eligibility.minutes, threshold)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
