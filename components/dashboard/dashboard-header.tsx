import { HeaderBrand } from "@/components/layout/header-brand";
import { ROLE_LABELS, can, type DashboardUser } from "@/lib/auth/roles";
import { DashboardNav, type DashboardEntry } from "./dashboard-nav";
import { routes } from "@/lib/routes";

type Link = { href: string; label: string; needs?: "write" | "admin" };
type Entry = Link | { label: string; links: Link[] };

const ENTRIES: Entry[] = [
  { href: routes.dashboard.home(), label: "Panoramica" },
  {
    label: "Convocazioni",
    links: [
      { href: routes.dashboard.meetings(), label: "Elenco delle convocazioni" },
      { href: routes.dashboard.newMeeting(), label: "Nuova convocazione", needs: "write" },
    ],
  },
  {
    label: "Anagrafiche",
    links: [
      { href: routes.dashboard.municipalities(), label: "Comuni" },
      { href: routes.dashboard.referents(), label: "Referenti" },
      { href: routes.dashboard.managingBodies(), label: "Enti gestori" },
      { href: routes.dashboard.people(), label: "Persone" },
    ],
  },
  {
    label: "Comunicazioni",
    links: [
      { href: routes.dashboard.invitations(), label: "Inviti agli enti gestori" },
      { href: routes.dashboard.emails(), label: "Email inviate" },
    ],
  },
  {
    label: "Amministrazione",
    links: [
      { href: routes.dashboard.auditLog(), label: "Registro attività" },
      { href: routes.dashboard.feedback(), label: "Valutazioni delle pagine", needs: "write" },
      { href: routes.dashboard.users(), label: "Utenti", needs: "admin" },
      { href: routes.dashboard.retention(), label: "Conservazione dei dati", needs: "admin" },
    ],
  },
];

/** The entries this role may open: a link it may not use is not shown, a group left empty goes too. */
export function entriesFor(role: DashboardUser["role"]): DashboardEntry[] {
  const allowed = (link: Link) => !link.needs || can(role, link.needs);
  const strip = ({ href, label }: Link) => ({ href, label });
  return ENTRIES.flatMap((entry): DashboardEntry[] => {
    if (!("links" in entry)) return allowed(entry) ? [strip(entry)] : [];
    const links = entry.links.filter(allowed).map(strip);
    return links.length > 0 ? [{ label: entry.label, links }] : [];
  });
}

type Props = { user: DashboardUser; signOut: () => Promise<void> };

/** The dashboard's own header: skip link, brand, who is signed in (and as what), sign-out, sections. */
export function DashboardHeader({ user, signOut }: Props) {
  const entries = entriesFor(user.role);
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
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper it-small-header">
          <div className="container">
            <div className="it-header-center-content-wrapper">
              <HeaderBrand href={routes.dashboard.home()} title="Convoca" tagline="Coordinamento Comuni SAI - area riservata" />
            </div>
          </div>
        </div>
        <div className="it-header-navbar-wrapper">
          <div className="container">
            <DashboardNav entries={entries} />
          </div>
        </div>
      </div>
      <noscript>
        {/* The navbar needs JavaScript to open its menus: without it, the same links as a plain list. */}
        <style>{".dashboard-navbar { display: none !important; }"}</style>
        <nav aria-label="Sezioni dell'area riservata" className="container py-3 bg-white border-bottom">
          <ul className="list-unstyled d-flex flex-wrap column-gap-4 row-gap-2 mb-0">
            {entries.map((entry) =>
              "links" in entry ? (
                <li key={entry.label}>
                  <strong>{entry.label}:</strong>{" "}
                  {entry.links.map((link, index) => (
                    <span key={link.href}>
                      {index > 0 ? ", " : null}
                      <a href={link.href}>{link.label}</a>
                    </span>
                  ))}
                </li>
              ) : (
                <li key={entry.href}>
                  <a href={entry.href}>{entry.label}</a>
                </li>
              ),
            )}
          </ul>
        </nav>
      </noscript>
    </header>
  );
}
