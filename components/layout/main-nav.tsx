"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Icon } from "@/components/ui/icon";

const LINKS = [
  { href: "/", label: "Convocazioni", matches: (path: string) => path === "/" || path.startsWith("/convocazioni") },
  { href: "/scheda-referenti", label: "Scheda referenti", matches: (path: string) => path.startsWith("/scheda-referenti") },
  { href: "/privacy", label: "Privacy", matches: (path: string) => path.startsWith("/privacy") },
];

/**
 * Bootstrap Italia's navbar. On small screens it is an off-canvas panel that
 * its own JavaScript would open; this component does the same job in React so
 * we need not ship the whole bootstrap-italia bundle. Without JavaScript the
 * footer repeats these links.
 */
export function MainNav() {
  const pathname = usePathname() ?? "/";
  const [open, setOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        toggler.current?.focus();
        return;
      }
      // While the panel covers the page, Tab cycles inside it.
      if (event.key !== "Tab" || !panel.current) return;
      const focusable = panel.current.querySelectorAll<HTMLElement>("a[href], button");
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  function close() {
    setOpen(false);
    toggler.current?.focus();
  }

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
