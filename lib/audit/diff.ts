// What an audit entry changed, field by field, from the before/after it stores.
export type AuditChange = { field: string; before: unknown; after: unknown };

type AuditData = { before?: unknown; after?: unknown; details?: unknown };

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function auditData(data: unknown): AuditData {
  return asRecord(data) ?? {};
}

/**
 * The fields whose value differs between before and after, in the order they
 * first appear. A creation (no before) lists every field it set; a deletion
 * (no after) every field it had.
 */
export function auditChanges(data: unknown): AuditChange[] {
  const { before, after } = auditData(data);
  const from = asRecord(before) ?? {};
  const to = asRecord(after) ?? {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, before: from[field], after: to[field] }));
}
