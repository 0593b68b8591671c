// What applying an import did, as stored on the import and shown afterwards.
import { z } from "zod";
import type { ImportPlan } from "./plan";

const change = z.object({ field: z.string(), from: z.string(), to: z.string() });

export const importSummarySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  bodiesCreated: z.number().int(),
  municipalitiesMarked: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      municipality: z.string(),
      managingBody: z.string(),
      category: z.string(),
      projectCode: z.string(),
      kind: z.enum(["create", "update", "unchanged", "rejected"]),
      changes: z.array(change),
      reasons: z.array(z.string()),
      note: z.string().optional(),
      marksMunicipality: z.boolean(),
    }),
  ),
});

export type ImportSummary = z.output<typeof importSummarySchema>;
export type SummaryRow = ImportSummary["rows"][number];

/** The plan's rows as the preview and the stored summary show them. */
export function displayRows(plan: ImportPlan): SummaryRow[] {
  return plan.rows.map((row) => {
    const outcome = row.outcome;
    return {
      row: row.row,
      municipality: row.municipality,
      managingBody: row.managingBody,
      category: row.category,
      projectCode: row.projectCode,
      kind: outcome.kind,
      changes:
        outcome.kind === "update"
          ? outcome.changes
          : outcome.kind === "create" && outcome.bodyTaxCode
            ? [{ field: "Codice fiscale dell'ente", from: "—", to: outcome.bodyTaxCode.taxCode }]
            : [],
      reasons: outcome.kind === "rejected" ? outcome.reasons : [],
      ...(outcome.kind === "unchanged" && outcome.note ? { note: outcome.note } : {}),
      ...(outcome.kind === "create" && outcome.newBody ? { note: "Nuovo ente gestore." } : {}),
      marksMunicipality: row.marksMunicipality,
    };
  });
}
