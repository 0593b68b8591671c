import Link from "next/link";
import { routes } from "@/lib/routes";

type Crumb = { href?: string; label: string };

/** Where the page sits under the meeting, as Bootstrap Italia's breadcrumb; the last crumb is the current page. */
export function MeetingBreadcrumb({ meetingId, meetingTitle, trail }: { meetingId: string; meetingTitle: string; trail: Crumb[] }) {
  const crumbs: Crumb[] = [
    { href: routes.dashboard.meetings(), label: "Convocazioni" },
    { href: routes.dashboard.meeting(meetingId).page(), label: meetingTitle },
    ...trail,
  ];
  return (
    <nav className="breadcrumb-container" aria-label="Percorso di navigazione">
      <ol className="breadcrumb p-0">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <li key={`${index}-${crumb.label}`} className={last ? "breadcrumb-item active" : "breadcrumb-item"} aria-current={last ? "page" : undefined}>
              {crumb.href && !last ? <Link href={crumb.href}>{crumb.label}</Link> : crumb.label}
              {last ? null : <span className="separator">/</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
