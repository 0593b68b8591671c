import type { CoverageState, MeetingCoverage, ProvinceCoverage } from "@/lib/coverage/queries";
import { Fragment } from "react";
import { UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { normalizeAddress } from "@/lib/email/suppression/policy";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { plural, pluralForm } from "@/lib/platform/format/plural";

/** Registered / referent only / missing, province by province, with totals. */
export function CoverageSummaryTable({ coverage }: { coverage: MeetingCoverage }) {
  const { totals } = coverage;
  return (
    <TableScroll label="Tabella della copertura per provincia">
      <table className="table table-sm">
        <caption>Comuni aderenti al SAI per provincia: iscritti, con solo referente, senza nessuno</caption>
        <thead>
          <tr>
            <th scope="col">Provincia</th>
            <th scope="col" className="text-end">Comuni SAI</th>
            <th scope="col" className="text-end">Iscritti</th>
            <th scope="col" className="text-end">Solo referente</th>
            <th scope="col" className="text-end">Nessuno</th>
            <th scope="col" className="text-end">Copertura</th>
          </tr>
        </thead>
        <tbody>
          {coverage.provinces.map((province) => (
            <tr key={province.province}>
              <th scope="row">
                {province.provinceName} ({province.province})
              </th>
              <td className="text-end">{province.total}</td>
              <td className="text-end">{province.registered}</td>
              <td className="text-end">{province.referentOnly}</td>
              <td className="text-end">{province.missing}</td>
              <td className="text-end">{province.percent}%</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totale</th>
            <td className="text-end">{totals.total}</td>
            <td className="text-end">{totals.registered}</td>
            <td className="text-end">{totals.referentOnly}</td>
            <td className="text-end">{totals.missing}</td>
            <td className="text-end">{totals.percent}%</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

const COUNT_KEY: Record<CoverageState, "registered" | "referentOnly" | "missing"> = {
  REGISTERED: "registered",
  REFERENT_ONLY: "referentOnly",
  MISSING: "missing",
};

type ListProps = {
  provinces: ProvinceCoverage[];
  state: CoverageState;
  /** Shown when no municipality is in this state. */
  empty: string;
  headingLevel?: 3 | 4;
  /** The referents' addresses on the suppression list (undeliverableAddresses): a reminder does not reach them. */
  undeliverable?: ReadonlyMap<string, EmailSuppressionReason>;
};

/** One state's municipalities, under a heading per province. */
export function CoverageList({ provinces, state, empty, headingLevel = 3, undeliverable }: ListProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const groups = provinces
    .map((province) => ({ province, municipalities: province.municipalities.filter((m) => m.state === state) }))
    .filter((group) => group.municipalities.length > 0);
  if (groups.length === 0) return <p>{empty}</p>;
  return (
    <>
      {groups.map(({ province, municipalities }) => (
        <div key={province.province} className="mb-3">
          <Heading className="h6 mb-1">
            {province.provinceName} ({province[COUNT_KEY[state]]})
          </Heading>
          <ul className="mb-2">
            {municipalities.map((municipality) => (
              <li key={municipality.id}>
                {municipality.name}
                {state === "REGISTERED" ? (
                  <span className="small">
                    {" "}
                    — {plural(municipality.registrations, "iscrizione", "iscrizioni")}
                  </span>
                ) : null}
                {state === "REFERENT_ONLY" ? (
                  <span className="small">
                    {" "}
                    — {pluralForm(municipality.referents.length, { one: "referente", other: "referenti" })}:{" "}
                    {municipality.referents.map((referent, index) => (
                      <Fragment key={referent.email}>
                        {index > 0 ? "; " : null}
                        {referent.name} ({referent.email})
                        <UndeliverableBadge reason={undeliverable?.get(normalizeAddress(referent.email))} inline />
                      </Fragment>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
