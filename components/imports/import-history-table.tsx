import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";

export type ImportHistoryEntry = {
  id: string;
  href: string;
  fileName: string;
  createdAt: Date;
  createdBy?: string | null;
  appliedAt: Date | null;
  /** What applying did, in a few words: "(3 creati, 1 aggiornato)". */
  outcome?: string | null;
};

/** An import's latest uploads, newest first: the file (its preview), when and by whom, whether it was applied. */
export function ImportHistoryTable({ entries, caption }: { entries: readonly ImportHistoryEntry[]; caption: string }) {
  if (entries.length === 0) return <p>Nessuna importazione.</p>;
  return (
    <TableScroll label={`Tabella: ${caption.toLowerCase()}`}>
      <table className="table align-top">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Caricato</th>
            <th scope="col">Stato</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row" className="fw-normal">
                <Link href={entry.href}>{entry.fileName}</Link>
              </th>
              <td>
                <RomeTime date={entry.createdAt} />
                {entry.createdBy ? ` da ${entry.createdBy}` : ""}
              </td>
              <td>
                {entry.appliedAt ? (
                  <>
                    Applicata il <RomeTime date={entry.appliedAt} />
                    {entry.outcome ? ` ${entry.outcome}` : null}
                  </>
                ) : (
                  "Anteprima, non applicata"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
