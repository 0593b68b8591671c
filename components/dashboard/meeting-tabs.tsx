import Link from "next/link";

export type MeetingTab = "riepilogo" | "iscrizioni" | "inviti" | "copertura" | "link" | "messaggi" | "presenze" | "attestati";

const TABS: { tab: MeetingTab; label: string; path: string }[] = [
  { tab: "riepilogo", label: "Riepilogo", path: "" },
  { tab: "iscrizioni", label: "Iscrizioni", path: "/iscrizioni" },
  { tab: "inviti", label: "Inviti", path: "/inviti" },
  { tab: "copertura", label: "Copertura dei Comuni", path: "/copertura" },
  { tab: "link", label: "Link di collegamento", path: "/link" },
  { tab: "messaggi", label: "Promemoria", path: "/messaggi" },
  { tab: "presenze", label: "Presenze", path: "/presenze" },
  { tab: "attestati", label: "Attestati", path: "/attestati" },
];

type MeetingTabsProps = {
  meetingId: string;
  /** The page showing the tabs; marked as current for screen readers too. */
  current: MeetingTab;
};

/**
 * The pages of one convocation in the dashboard: its summary (with the
 * editor and the status changes), registrations, invitations and which SAI
 * municipalities have answered. Each page renders it under its own h1.
 */
export function MeetingTabs({ meetingId, current }: MeetingTabsProps) {
  const base = `/dashboard/convocazioni/${meetingId}`;
  return (
    <nav aria-label="Sezioni della convocazione" className="mb-4">
      <ul className="nav nav-tabs">
        {TABS.map(({ tab, label, path }) => (
          <li className="nav-item" key={tab}>
            <Link
              href={`${base}${path}`}
              className={tab === current ? "nav-link active" : "nav-link"}
              aria-current={tab === current ? "page" : undefined}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
