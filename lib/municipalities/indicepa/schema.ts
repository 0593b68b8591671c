// An uploaded IndicePA list as stored (the rows parse.ts read), and the
// apply button's form: nothing but the import's id, bound on the server.
import { z } from "zod";
import { formOf, type FormValues } from "@/lib/platform/forms/form-data";
import type { IndicePaRow } from "./parse";

export const pecImportIdSchema = z.uuid();

/** The rows as createPecImport stored them; anything else reads as no import. */
export const storedRowsSchema = z.array(
  z.object({
    line: z.number().int().positive(),
    istatCode: z.string().regex(/^\d{6}$/),
    taxCode: z.string().nullable(),
    name: z.string(),
    pec: z.string().nullable(),
    ipaCode: z.string(),
  }),
) satisfies z.ZodType<IndicePaRow[]>;

export const applyPecImportSchema = z.object({});
export const applyPecImportForm = formOf(applyPecImportSchema);
export type ApplyPecImportRaw = FormValues<typeof applyPecImportForm>;
