"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useOffcanvas } from "@/components/layout/use-offcanvas";
import { Icon } from "@/components/ui/icon";
import { routes, routeSections } from "@/lib/routes";

const LINKS = [
  { href: routes.home(), label: "Convocazioni", matches: (path: string) => path === routes.home() || path.startsWith(routeSections.publicMeetings) },
  { href: routes.referentSheet(), label: "Scheda referenti", matches: (path: string) => path.startsWith(routes.referentSheet()) },
  { href: routes.privacy(), label: "Privacy", matches: (path: string) => path.startsWith(routes.privacy()) },
];

/**
 * Bootstrap Italia's navbar. On small screens it is an off-canvas panel
 * (useOffcanvas). Without JavaScript the footer repeats these links.
 */
export function MainNav() {
  const pathname = usePathname() ?? "/";
  const { open, setOpen, close, toggler, closer, panel } = useOffcanvas();

  return (
    <nav className="navbar navbar-expand-lg" aria-label="Navigazione principale">
      <button
        ref={toggler}
        className="custom-navbar-toggler"
        type="button"
        aria-controls="menu-principale"
        aria-expanded={open}
        aria-label="Mostra o nascondi il menu"
        onClick={() => setOpen(true)}
      >
        <Icon name="it-burger" />
      </button>
      <div
        ref={panel}
        className={open ? "navbar-collapsable expanded" : "navbar-collapsable"}
        id="menu-principale"
        style={{ display: open ? "block" : "none" }}
      >
        <div className="overlay" style={{ display: open ? "block" : "none" }} onClick={close} />
        <div className="close-div">
          <button ref={closer} className="btn close-menu" type="button" onClick={close}>
            <span className="visually-hidden">Nascondi il menu</span>
            <Icon name="it-close-big" />
          </button>
        </div>
        <div className="menu-wrapper">
          <ul className="navbar-nav">
            {LINKS.map((link) => {
              const active = link.matches(pathname);
              return (
                <li className="nav-item" key={link.href}>
                  <Link
                    className={active ? "nav-link active" : "nav-link"}
                    href={link.href}
                    aria-current={pathname === link.href ? "page" : undefined}
                    onClick={() => setOpen(false)}
                  >
                    <span>{link.label}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </nav>
  );
}
