import Link from "next/link";
import { routes } from "@/lib/routes";

export type MeetingTab = "riepilogo" | "invio" | "iscrizioni" | "inviti" | "copertura" | "link" | "messaggi" | "presenze" | "attestati";

type MeetingPaths = ReturnType<typeof routes.dashboard.meeting>;

const TABS: { tab: MeetingTab; label: string; path: (meeting: MeetingPaths) => string }[] = [
  { tab: "riepilogo", label: "Riepilogo", path: (meeting) => meeting.page() },
  { tab: "invio", label: "Invio", path: (meeting) => meeting.dispatch() },
  { tab: "iscrizioni", label: "Iscrizioni", path: (meeting) => meeting.registrations() },
  { tab: "inviti", label: "Inviti", path: (meeting) => meeting.invitations() },
  { tab: "copertura", label: "Copertura dei Comuni", path: (meeting) => meeting.coverage() },
  { tab: "link", label: "Link di collegamento", path: (meeting) => meeting.joinLink() },
  { tab: "messaggi", label: "Promemoria", path: (meeting) => meeting.messages() },
  { tab: "presenze", label: "Presenze", path: (meeting) => meeting.attendance() },
  { tab: "attestati", label: "Attestati", path: (meeting) => meeting.certificates() },
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
  const paths = routes.dashboard.meeting(meetingId);
  return (
    <nav aria-label="Sezioni della convocazione" className="mb-4">
      <ul className="nav nav-tabs">
        {TABS.map(({ tab, label, path }) => (
          <li className="nav-item" key={tab}>
            <Link
              href={path(paths)}
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
