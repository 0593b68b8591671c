import Link from "next/link";

type PaginationProps = {
  page: number;
  pageCount: number;
  /** The address of a page, with the current filters. */
  href: (page: number) => string;
  label: string;
};

/** Previous / next links with where we are; plain links, so they work without JavaScript and can be shared. */
export function Pagination({ page, pageCount, href, label }: PaginationProps) {
  if (pageCount <= 1 && page <= 1) return null;
  return (
    <nav aria-label={label} className="d-flex flex-wrap align-items-center gap-3 my-4">
      {page > 1 ? (
        <Link className="btn btn-outline-primary btn-sm" href={href(Math.min(page - 1, pageCount))} rel="prev">
          Pagina precedente
        </Link>
      ) : null}
      <span>
        Pagina {page} di {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="btn btn-outline-primary btn-sm" href={href(page + 1)} rel="next">
          Pagina successiva
        </Link>
      ) : null}
    </nav>
  );
}
