import { EuEmblem, MinisteroWordmark, PalermoWordmark } from "@/components/layout/logos";

type FundingHeaderProps = {
  fundingFund: string;
  fundingLine: string;
  projectCode: string;
  projectName: string;
};

/** The fund and its line, written once even when the line already names the fund. */
export function fundingText(fund: string, line: string): string {
  if (!fund.trim()) return line;
  if (line.toLowerCase().startsWith(fund.trim().toLowerCase())) return line;
  return `${fund.trim()} - ${line}`;
}

/** "PROGETTO COOPERA - I Comuni migliorano PER Arginare le vulnerabilità", as the letterhead. */
export function projectTitle(name: string): string {
  return /^progetto\b/i.test(name.trim()) ? name.trim() : `PROGETTO ${name.trim()}`;
}

/**
 * The letterhead of a convocation, as on the paper letter: EU emblem with the
 * co-financing statement, the lead partner, the managing authority, the fund
 * line (EU visibility rules for FAMI) and the project title.
 */
export function FundingHeader({ fundingFund, fundingLine, projectCode, projectName }: FundingHeaderProps) {
  const title = projectTitle(projectName);
  const showCode = projectCode.trim() !== "" && !title.includes(projectCode.trim());
  return (
    <section className="funding-header pb-4 mb-4" aria-label="Finanziamento del progetto">
      <div className="funding-logos">
        <figure>
          <EuEmblem height={48} />
          <figcaption>Progetto co-finanziato dall&apos;Unione Europea</figcaption>
        </figure>
        <PalermoWordmark height={48} />
        <MinisteroWordmark height={48} />
      </div>
      <p className="small mt-3 mb-2">{fundingText(fundingFund, fundingLine)}</p>
      <p className="fw-semibold mb-0">
        {title}
        {showCode ? <span className="fw-normal"> (progetto n. {projectCode.trim()})</span> : null}
      </p>
    </section>
  );
}
