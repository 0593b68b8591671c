"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useOffcanvas } from "@/components/layout/use-offcanvas";
import { Icon } from "@/components/ui/icon";
import { routes } from "@/lib/routes";

export type DashboardLink = { href: string; label: string };
/** A top-level entry: one page, or a group of pages behind a dropdown. */
export type DashboardEntry = DashboardLink | { label: string; links: DashboardLink[] };

const isGroup = (entry: DashboardEntry): entry is { label: string; links: DashboardLink[] } => "links" in entry;

function within(pathname: string, href: string): boolean {
  return href === routes.dashboard.home() ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/** The entry for this page: the most specific link that contains it ("Nuova convocazione", not the list, on /nuova). */
export function currentHref(pathname: string, entries: DashboardEntry[]): string | undefined {
  const links = entries.flatMap((entry) => (isGroup(entry) ? entry.links : [entry]));
  return links
    .filter((link) => within(pathname, link.href))
    .map((link) => link.href)
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The dashboard's sections as Bootstrap Italia's navbar: groups open as
 * dropdowns (one at a time; Escape or a click elsewhere shuts them), and on
 * small screens the whole menu is an off-canvas panel behind a toggle. The
 * current page is marked for screen readers too. Without JavaScript the
 * header's <noscript> list gives the same links.
 */
export function DashboardNav({ entries }: { entries: DashboardEntry[] }) {
  const current = currentHref(usePathname() ?? routes.dashboard.home(), entries);
  const { open, setOpen, close, toggler, closer, panel } = useOffcanvas();
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!openGroup) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // The group shuts first; the off-canvas panel (if open) stays.
      event.stopImmediatePropagation();
      setOpenGroup(null);
      list.current?.querySelector<HTMLButtonElement>(`button[data-group="${CSS.escape(openGroup)}"]`)?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!list.current?.contains(event.target as Node)) setOpenGroup(null);
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [openGroup]);

  const navigated = () => {
    setOpenGroup(null);
    setOpen(false);
  };

  return (
    <nav className="navbar navbar-expand-lg dashboard-navbar" aria-label="Sezioni dell'area riservata">
      <button
        ref={toggler}
        className="custom-navbar-toggler"
        type="button"
        aria-controls="menu-area-riservata"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <Icon name="it-burger" />
        <span className="visually-hidden">Menu</span>
      </button>
      <div
        ref={panel}
        className={open ? "navbar-collapsable expanded" : "navbar-collapsable"}
        id="menu-area-riservata"
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
          <ul className="navbar-nav" ref={list}>
            {entries.map((entry) => {
              if (!isGroup(entry)) {
                const here = entry.href === current;
                return (
                  <li className="nav-item" key={entry.href}>
                    <Link className={here ? "nav-link active" : "nav-link"} href={entry.href} aria-current={here ? "page" : undefined} onClick={navigated}>
                      <span>{entry.label}</span>
                    </Link>
                  </li>
                );
              }
              const expanded = openGroup === entry.label;
              const menuId = `menu-${entry.label.toLowerCase()}`;
              const active = entry.links.some((link) => link.href === current);
              return (
                <li className="nav-item dropdown" key={entry.label}>
                  <button
                    type="button"
                    data-group={entry.label}
                    className={`nav-link dropdown-toggle${active ? " active" : ""}`}
                    aria-expanded={expanded}
                    aria-controls={menuId}
                    onClick={() => setOpenGroup(expanded ? null : entry.label)}
                  >
                    <span>{entry.label}</span>
                    <Icon name="it-expand" />
                  </button>
                  <div className={expanded ? "dropdown-menu show" : "dropdown-menu"} id={menuId}>
                    <div className="link-list-wrapper">
                      <ul className="link-list">
                        {entry.links.map((link) => {
                          const here = link.href === current;
                          return (
                            <li key={link.href}>
                              <Link
                                className={here ? "dropdown-item list-item active" : "dropdown-item list-item"}
                                href={link.href}
                                aria-current={here ? "page" : undefined}
                                onClick={navigated}
                              >
                                <span>{link.label}</span>
                              </Link>
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </nav>
  );
}
