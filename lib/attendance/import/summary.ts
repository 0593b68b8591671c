// What an applied import did, stored on it (AttendanceImport.summary) and
// shown on its page afterwards.
import { z } from "zod";

const outcomeSchema = z.enum(["set", "unchanged", "keep-manual", "overwrite-manual"]);

export const importSummarySchema = z.object({
  present: z.number().int(),
  absent: z.number().int(),
  unchanged: z.number().int(),
  keptManual: z.number().int(),
  overwritten: z.number().int(),
  unmatched: z.number().int(),
  unresolved: z.number().int(),
  markAbsent: z.boolean(),
  overwriteManual: z.boolean(),
  changes: z.array(
    z.object({
      registrationId: z.string(),
      name: z.string(),
      status: z.enum(["PRESENT", "ABSENT"]),
      minutes: z.number().int().nullable(),
      outcome: outcomeSchema,
    }),
  ),
});

export type ImportSummary = z.infer<typeof importSummarySchema>;
