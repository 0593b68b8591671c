import Link from "next/link";
import { HeaderBrand } from "@/components/layout/header-brand";
import { MainNav } from "@/components/layout/main-nav";
import { Icon } from "@/components/ui/icon";
import { SITE } from "@/lib/site";
import { routes } from "@/lib/routes";

/** AgID header: skip link, slim header (owner), centre header (site), navigation. */
export function SiteHeader() {
  return (
    <header className="it-header-wrapper">
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main">
          Vai al contenuto principale
        </a>
        <a className="visually-hidden-focusable" href="#footer">
          Vai al piè di pagina
        </a>
      </div>
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <a className="navbar-brand" href={SITE.ownerUrl}>
                  {SITE.owner}
                  <span className="visually-hidden"> (sito esterno)</span>
                </a>
                <div className="it-header-slim-right-zone">
                  <Link className="d-inline-flex align-items-center gap-2" href={routes.dashboard.home()}>
                    <Icon name="it-user" className="icon-white icon-sm" />
                    Area riservata
                  </Link>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <HeaderBrand href="/" title={SITE.title} tagline={SITE.tagline} />
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="it-header-navbar-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <MainNav />
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
