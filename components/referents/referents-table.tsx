import Link from "next/link";
import { UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import { REFERENT_ROLE_LABELS, REFERENT_SOURCE_LABELS } from "@/lib/referents/labels";
import type { ReferentRow } from "@/lib/referents/queries";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { normalizeAddress } from "@/lib/email/suppression/policy";
import { ReferentStatusBadge } from "./referent-status-badge";
import { routes } from "@/lib/routes";

type Props = {
  referents: readonly ReferentRow[];
  caption: string;
  /** The addresses on the suppression list (undeliverableAddresses), with the reason. */
  undeliverable: ReadonlyMap<string, EmailSuppressionReason>;
};

export function ReferentsTable({ referents, caption, undeliverable }: Props) {
  return (
    <TableScroll label="Tabella dei referenti">
      <table className="table align-top">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Referente</th>
            <th scope="col">Comune</th>
            <th scope="col">Ruolo</th>
            <th scope="col">Stato</th>
            <th scope="col">Origine</th>
            <th scope="col">Dettagli</th>
          </tr>
        </thead>
        <tbody>
          {referents.map((referent) => {
            const name = `${referent.person.firstName} ${referent.person.lastName}`;
            return (
              <tr key={referent.id}>
                <th scope="row" className="fw-normal">
                  <Link href={routes.dashboard.person(referent.person.id)} className="fw-semibold">
                    {name}
                  </Link>
                  <div className="small text-break">{referent.person.email}</div>
                  <UndeliverableBadge reason={undeliverable.get(normalizeAddress(referent.person.email))} />
                </th>
                <td>
                  <Link href={routes.dashboard.municipality(referent.municipality.id)}>{referent.municipality.name}</Link>
                  <div className="small">{referent.municipality.provinceName}</div>
                </td>
                <td>
                  {REFERENT_ROLE_LABELS[referent.role]}
                  {referent.office ? <div className="small">{referent.office}</div> : null}
                </td>
                <td>
                  <ReferentStatusBadge status={referent.status} />
                  <div className="small">
                    {referent.status === "ACTIVE" ? "dal " : "revocato il "}
                    <RomeTime date={referent.status === "ACTIVE" ? referent.activatedAt : (referent.revokedAt ?? referent.activatedAt)} format="date" />
                  </div>
                </td>
                <td>{REFERENT_SOURCE_LABELS[referent.source]}</td>
                <td>
                  <Link href={routes.dashboard.referent(referent.id)}>
                    Apri<span className="visually-hidden"> il referente {name} ({referent.municipality.name})</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
