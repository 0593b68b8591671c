import { registrationListHref, type RegistrationListParams } from "@/lib/registrations/dashboard/schema";

/** Page numbers shown around the current one: first, last, and two either side. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  sorted.forEach((n, index) => {
    if (index > 0 && n - sorted[index - 1] > 1) result.push("gap");
    result.push(n);
  });
  return result;
}

/** Links to the table's pages, keeping the search, filters and sort. */
export function PaginationLinks({ path, params, pageCount }: { path: string; params: RegistrationListParams; pageCount: number }) {
  if (pageCount <= 1) return null;
  const { page } = params;
  const href = (target: number) => registrationListHref(path, params, { page: target });
  return (
    <nav className="pagination-wrapper" aria-label="Pagine delle iscrizioni">
      <ul className="pagination flex-wrap">
        <li className={page === 1 ? "page-item disabled" : "page-item"}>
          {page === 1 ? (
            <span className="page-link">Precedente</span>
          ) : (
            <a className="page-link" href={href(page - 1)}>
              Precedente<span className="visually-hidden"> (pagina {page - 1})</span>
            </a>
          )}
        </li>
        {pageWindow(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} className="page-item disabled">
              <span className="page-link" aria-hidden="true">
                …
              </span>
            </li>
          ) : (
            <li key={item} className={item === page ? "page-item active" : "page-item"}>
              <a className="page-link" href={href(item)} aria-current={item === page ? "page" : undefined}>
                <span className="visually-hidden">Pagina </span>
                {item}
              </a>
            </li>
          ),
        )}
        <li className={page === pageCount ? "page-item disabled" : "page-item"}>
          {page === pageCount ? (
            <span className="page-link">Successiva</span>
          ) : (
            <a className="page-link" href={href(page + 1)}>
              Successiva<span className="visually-hidden"> (pagina {page + 1})</span>
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}
