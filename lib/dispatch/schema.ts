// The dispatch page's inputs: the audiences chosen in the preview (the URL's
// ?destinatari=…, one per checkbox) and the two buttons' forms. Safe on the client.
import { z } from "zod";
import type { DispatchAudience } from "@/lib/generated/prisma/enums";
import { defineForm, type FormValues } from "@/lib/platform/forms/form-data";
import { AUDIENCES } from "./audiences";

/** The query parameter of the preview's checkboxes. */
export const AUDIENCE_PARAM = "destinatari";

/** The audiences named in the URL, in AUDIENCES order; anything else is ignored. */
export function audiencesFromParam(value: string | string[] | undefined): DispatchAudience[] {
  const named = new Set((Array.isArray(value) ? value : value ? [value] : []).flatMap((item) => item.split(",")));
  return AUDIENCES.filter((audience) => named.has(audience));
}

/** The hidden field's value: the confirmed audiences, comma-separated. */
export function audiencesField(audiences: readonly DispatchAudience[]): string {
  return audiences.join(",");
}

export const sendConvocationForm = defineForm({ text: ["audiences", "expected"] });
export type SendConvocationRaw = FormValues<typeof sendConvocationForm>;

export const sendConvocationSchema = z.object({
  audiences: z
    .string()
    .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.enum(AUDIENCES), { error: "Gruppo di destinatari non valido." }).min(1, "Scegli almeno un gruppo di destinatari.")),
  expected: z.coerce.number({ error: "Numero di destinatari non valido." }).int().min(0).max(1_000_000),
});

export const sendToPecForm = defineForm({ text: ["municipalityId"] });
export type SendToPecRaw = FormValues<typeof sendToPecForm>;

export const sendToPecSchema = z.object({ municipalityId: z.uuid({ error: "Comune non valido." }) });

export const meetingIdSchema = z.uuid();
