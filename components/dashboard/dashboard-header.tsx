import { HeaderBrand } from "@/components/layout/header-brand";
import { ROLE_LABELS, can, type DashboardUser } from "@/lib/auth/roles";
import { DashboardNav, type DashboardLink } from "./dashboard-nav";

const LINKS: (DashboardLink & { admin?: boolean })[] = [
  { href: "/dashboard", label: "Panoramica" },
  { href: "/dashboard/convocazioni", label: "Convocazioni" },
  { href: "/dashboard/inviti", label: "Inviti agli enti gestori" },
  { href: "/dashboard/comuni", label: "Comuni" },
  { href: "/dashboard/referenti", label: "Referenti" },
  { href: "/dashboard/enti-gestori", label: "Enti gestori" },
  { href: "/dashboard/persone", label: "Persone" },
  { href: "/dashboard/email", label: "Email inviate" },
  { href: "/dashboard/registro-attivita", label: "Registro attività" },
  { href: "/dashboard/utenti", label: "Utenti", admin: true },
];

type Props = { user: DashboardUser; signOut: () => Promise<void> };

/** The dashboard's own header: skip link, brand, who is signed in (and as what), sign-out, sections. */
export function DashboardHeader({ user, signOut }: Props) {
  const links = LINKS.filter((link) => !link.admin || can(user.role, "admin"));
  return (
    <header className="it-header-wrapper dashboard-header">
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main">
          Vai al contenuto principale
        </a>
      </div>
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="it-header-slim-wrapper-content d-flex flex-wrap align-items-center justify-content-between gap-2">
            <span className="navbar-brand">Area riservata</span>
            <div className="d-flex align-items-center gap-3 text-white">
              <span>
                {user.name ?? user.email} <span className="badge bg-light text-dark ms-1">{ROLE_LABELS[user.role]}</span>
              </span>
              <form action={signOut}>
                <button type="submit" className="btn btn-sm btn-outline-light">
                  Esci
                </button>
              </form>
            </div>
          </div>
        </div>
      </div>
      <div className="it-header-center-wrapper it-small-header">
        <div className="container">
          <div className="it-header-center-content-wrapper">
            <HeaderBrand href="/dashboard" title="Convoca" tagline="Coordinamento Comuni SAI - area riservata" />
          </div>
        </div>
      </div>
      <div className="container py-2 bg-white border-bottom">
        <DashboardNav links={links} />
      </div>
    </header>
  );
}
