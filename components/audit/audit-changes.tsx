import { auditChanges, auditData } from "@/lib/audit/diff";
import { auditFieldLabel, formatAuditValue } from "@/lib/audit/labels";

// Ids already shown as the record's or the meeting's name beside the entry.
const SHOWN_AS_NAMES = new Set(["meetingId"]);

/**
 * An entry's changed fields as "Profilo: Osservatore → Coordinatore", what
 * else it recorded as "Righe: 12", all in Italian, then everything it stored, folded.
 */
export function AuditChanges({ data, entityType }: { data: unknown; entityType?: string }) {
  const changes = auditChanges(data);
  const { details } = auditData(data);
  const detailEntries =
    details && typeof details === "object" && !Array.isArray(details)
      ? Object.entries(details as Record<string, unknown>).filter(([field]) => !SHOWN_AS_NAMES.has(field))
      : [];
  const hasData = data !== null && data !== undefined;
  return (
    <>
      {changes.length > 0 ? (
        <ul className="list-unstyled mb-1">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="fw-semibold">{auditFieldLabel(change.field)}:</span> {formatAuditValue(change.field, change.before, entityType)}{" "}
              <span aria-hidden="true">→</span>
              <span className="visually-hidden">diventa</span> {formatAuditValue(change.field, change.after, entityType)}
            </li>
          ))}
        </ul>
      ) : detailEntries.length > 0 ? null : (
        <span>—</span>
      )}
      {detailEntries.length > 0 ? (
        <ul className="list-unstyled small mb-1">
          {detailEntries.map(([field, value]) => (
            <li key={field}>
              {auditFieldLabel(field)}: {formatAuditValue(field, value, entityType)}
            </li>
          ))}
        </ul>
      ) : null}
      {hasData ? (
        <details>
          <summary className="small">Dati registrati</summary>
          <pre className="small mb-0 text-wrap">{JSON.stringify(data, null, 2)}</pre>
        </details>
      ) : null}
    </>
  );
}
