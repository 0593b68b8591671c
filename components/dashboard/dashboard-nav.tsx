"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type DashboardLink = { href: string; label: string };

/** The dashboard's sections; the current one is marked for screen readers too. */
export function DashboardNav({ links }: { links: DashboardLink[] }) {
  const pathname = usePathname() ?? "/dashboard";
  const current = (href: string) => (href === "/dashboard" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Sezioni dell'area riservata" className="dashboard-nav">
      <ul className="nav nav-pills flex-column flex-lg-row gap-1">
        {links.map((link) => (
          <li className="nav-item" key={link.href}>
            <Link href={link.href} className={current(link.href) ? "nav-link active" : "nav-link"} aria-current={current(link.href) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
