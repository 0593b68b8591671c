import Image from "next/image";
import Link from "next/link";
import { CoordinamentoMark, EuEmblem } from "@/components/layout/logos";
import { RomeTime } from "@/components/ui/rome-time";
import { SITE, SOURCE_CODE_LICENSE, ownerDetails, sourceCodeUrl } from "@/lib/site";
import { routes } from "@/lib/routes";

type SiteFooterProps = {
  /** When the page's content last changed (AgID: shown on every page). */
  lastUpdated: Date;
};

const NAV_LINKS = [
  { href: "/", label: "Convocazioni" },
  { href: routes.referentSheet(), label: "Scheda referenti" },
  { href: routes.privacy(), label: "Informativa privacy" },
  { href: routes.accessibility(), label: "Dichiarazione di accessibilità" },
];

export function SiteFooter({ lastUpdated }: SiteFooterProps) {
  const owner = ownerDetails();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row clearfix pb-4">
            <div className="col-sm-12">
              <div className="it-brand-wrapper">
                <Link href="/">
                  <CoordinamentoMark className="icon" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{SITE.title}</div>
                    <div className="it-brand-tagline">{SITE.ownerLongName}</div>
                  </div>
                </Link>
              </div>
            </div>
            <div className="col-sm-12 mt-3">
              <a href={SITE.ownerUrl} className="d-inline-block bg-white rounded p-2">
                <Image src="/marchi/anci-sicilia.svg" alt={`${SITE.ownerLongName} (sito esterno)`} width={160} height={40} unoptimized />
              </a>
            </div>
          </div>
          <div className="row pt-4 border-white border-top">
            <div className="col-lg-4 col-md-6 pb-3">
              <h2 className="h5 text-white">Contatti del Coordinamento</h2>
              <p>
                <strong>{SITE.ownerLongName}</strong>
                <br />
                {SITE.ownerAddress}
                <br />
                Codice fiscale: {owner.taxCode}
                <br />
                PEC:{" "}
                {owner.pec.includes("@") ? (
                  <a className="text-white" href={`mailto:${owner.pec}`}>
                    {owner.pec}
                  </a>
                ) : (
                  owner.pec
                )}
              </p>
              <p>
                Segreteria del Coordinamento dei Comuni SAI:{" "}
                <a className="text-white" href={`mailto:${SITE.contactEmail}`}>
                  {SITE.contactEmail}
                </a>
              </p>
              <p>
                Segnalazioni su questo sito, anche sull&apos;accessibilità:{" "}
                <a className="text-white" href={`mailto:${SITE.contactEmail}?subject=Segnalazione%20sul%20sito%20Convoca`}>
                  scrivi al Coordinamento
                </a>
                .
              </p>
            </div>
            <nav className="col-lg-4 col-md-6 pb-3" aria-label="Collegamenti del piè di pagina">
              <h2 className="h5 text-white">Collegamenti</h2>
              <div className="link-list-wrapper">
                <ul className="footer-list link-list clearfix">
                  {NAV_LINKS.map((link) => (
                    <li key={link.href}>
                      <Link className="list-item" href={link.href}>
                        {link.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
            <div className="col-lg-4 col-md-12 pb-3">
              <h2 className="h5 text-white">Finanziamento</h2>
              <div className="d-flex align-items-start gap-3">
                <EuEmblem className="eu-emblem-on-dark flex-shrink-0" height={40} />
                <p className="mb-0">
                  Progetto COOPERA (n. 3031) co-finanziato dall&apos;Unione Europea - Fondo Asilo, Migrazione e
                  Integrazione 2014-2020, tramite il Ministero dell&apos;Interno.
                </p>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link href={routes.privacy()}>Privacy</Link>
            </li>
            <li className="list-inline-item">
              <Link href={routes.accessibility()}>Accessibilità</Link>
            </li>
            <li className="list-inline-item text-white">
              {/* AGPL-3.0 §13: whoever uses the portal over the network is offered its source. */}
              <a href={sourceCodeUrl()}>Codice sorgente</a> (Licenza {SOURCE_CODE_LICENSE})
            </li>
            <li className="list-inline-item text-white">
              Ultimo aggiornamento della pagina: <RomeTime date={lastUpdated} format="date" />
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
