import Link from "next/link";
import type { ReactNode } from "react";
import { hrefWith } from "@/lib/platform/forms/search-params";
import { Pagination } from "./pagination";

type LogResultsProps = {
  /** Matching rows over every page, and how many this page shows. */
  total: number;
  shown: number;
  filtered: boolean;
  page: number;
  pageCount: number;
  path: string;
  /** The filters as URL parameters, kept by the page links. */
  query: Record<string, string | number | null | undefined>;
  /** What the status line says: no rows at all, none for these filters, one, several. */
  counts: { none: string; noneFiltered: string; one: string; many: (total: number) => string };
  paginationLabel: string;
  /** The table of this page's rows. */
  children: ReactNode;
};

/**
 * A paginated log's results (the audit log, the email log): how many rows
 * match, the table, a way back from a page past the end, the page links.
 */
export function LogResults({ total, shown, filtered, page, pageCount, path, query, counts, paginationLabel, children }: LogResultsProps) {
  return (
    <>
      <p role="status">
        {total === 0 ? (filtered ? counts.noneFiltered : counts.none) : total === 1 ? counts.one : counts.many(total)}
      </p>
      {shown > 0 ? (
        children
      ) : total > 0 ? (
        <p>
          Questa pagina non esiste: <Link href={hrefWith(path, query)}>torna alla prima pagina</Link>.
        </p>
      ) : null}
      <Pagination page={page} pageCount={pageCount} href={(target) => hrefWith(path, query, target)} label={paginationLabel} />
    </>
  );
}
