import Link from "next/link";
import { FilterSelect, FilterText } from "@/components/dashboard/filter-fields";
import { formatShortDate } from "@/lib/platform/format/dates";
import {
  INVITATION_STATE_LABELS,
  INVITATION_STATES,
  type InvitationFilters as Filters,
  type InvitationState,
} from "@/lib/invitations/dashboard/schema";
import { plural } from "@/lib/platform/format/plural";

const STATE_OPTIONS = INVITATION_STATES.map((state) => ({ value: state, label: INVITATION_STATE_LABELS[state] }));

type Props = {
  /** The page the GET form submits to. */
  path: string;
  filters: Filters;
  stateCounts: Record<InvitationState, number>;
  /** Offered on the overall list only. */
  meetings?: { id: string; title: string; startsAt: Date }[];
};

/** A URL with the given filters, leaving out empty ones. */
export function filtersHref(path: string, filters: Partial<Record<"state" | "meeting" | "q" | "page", string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Counts per state (each a link that filters by it) and the filter form; a plain GET, so it works without JavaScript. */
export function InvitationFilters({ path, filters, stateCounts, meetings }: Props) {
  return (
    <>
      <h2 className="h5">Riepilogo per stato</h2>
      <ul className="list-inline">
        {INVITATION_STATES.map((state) => (
          <li key={state} className="list-inline-item me-3">
            <Link
              href={filtersHref(path, { ...filters, state, page: undefined })}
              aria-current={filters.state === state ? "true" : undefined}
            >
              {INVITATION_STATE_LABELS[state]}: <strong>{stateCounts[state]}</strong>
            </Link>
          </li>
        ))}
      </ul>
      <form method="get" action={path} className="row g-3 align-items-end mb-4" role="search" aria-label="Filtra gli inviti">
        <FilterText
          id="inviti-q"
          name="q"
          type="search"
          label="Cerca"
          value={filters.q ?? ""}
          hint="Nome o email dell'invitato, ente gestore, chi ha invitato, Comune."
          className="col-md-4"
        />
        <FilterSelect id="inviti-stato" name="state" label="Stato" value={filters.state ?? ""} options={STATE_OPTIONS} className="col-md-3" />
        {meetings ? (
          <FilterSelect
            id="inviti-convocazione"
            name="meeting"
            label="Convocazione"
            value={filters.meeting ?? ""}
            options={meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title} (${formatShortDate(meeting.startsAt)})` }))}
            empty="Tutte"
            className="col-md-3"
          />
        ) : null}
        <div className="col-md-2">
          <button type="submit" className="btn btn-primary me-2">
            Filtra
          </button>
          <Link href={path} className="btn btn-link px-0">
            Azzera
          </Link>
        </div>
      </form>
    </>
  );
}

type PaginationProps = { path: string; filters: Filters; page: number; pages: number; total: number };

export function InvitationsPagination({ path, filters, page, pages, total }: PaginationProps) {
  if (pages <= 1) return <p className="small">{plural(total, "invito", "inviti")}.</p>;
  return (
    <nav aria-label="Pagine dell'elenco degli inviti" className="d-flex align-items-center gap-3">
      {page > 1 ? <Link href={filtersHref(path, { ...filters, page: page - 1 })}>Pagina precedente</Link> : null}
      <span>
        Pagina {page} di {pages} ({total} inviti)
      </span>
      {page < pages ? <Link href={filtersHref(path, { ...filters, page: page + 1 })}>Pagina successiva</Link> : null}
    </nav>
  );
}
