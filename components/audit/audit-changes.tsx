import { auditChanges, auditData } from "@/lib/audit/diff";
import { auditFieldLabel, formatAuditValue } from "@/lib/audit/labels";

/** An entry's changed fields as "Profilo: Osservatore → Coordinatore", then everything it stored, folded. */
export function AuditChanges({ data }: { data: unknown }) {
  const changes = auditChanges(data);
  const { details } = auditData(data);
  const hasData = data !== null && data !== undefined;
  return (
    <>
      {changes.length > 0 ? (
        <ul className="list-unstyled mb-1">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="fw-semibold">{auditFieldLabel(change.field)}:</span> {formatAuditValue(change.field, change.before)}{" "}
              <span aria-hidden="true">→</span>
              <span className="visually-hidden">diventa</span> {formatAuditValue(change.field, change.after)}
            </li>
          ))}
        </ul>
      ) : details ? null : (
        <span>—</span>
      )}
      {hasData ? (
        <details>
          <summary className="small">Dati registrati</summary>
          <pre className="small mb-0 text-wrap">{JSON.stringify(data, null, 2)}</pre>
        </details>
      ) : null}
    </>
  );
}
