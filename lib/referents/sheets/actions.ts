"use server";
// The public scheda referenti. No session: it refuses the honeypot, parses
// with the shared schema, counts against the rate limits (keyed by the
// officer's email), then records the scheda as "da verificare".
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { honeypotFilled, publicWriteAllowed } from "@/lib/platform/forms/public-write";
import { runFormAction } from "@/lib/platform/forms/run-action";
import { RATE_LIMIT_MESSAGE } from "@/lib/platform/rate-limit/limits";
import { referentSheetForm, type ReferentSheetRaw } from "./form-fields";
import { SHEET_HONEYPOT_MESSAGE, UNKNOWN_MUNICIPALITY_MESSAGE } from "./messages";
import { submitReferentSheet } from "./mutations";
import { referentSheetSchema } from "./schema";
import { routes } from "@/lib/routes";

const SHEET_SENT_PATH = routes.referentSheetSent();

export async function submitReferentSheetAction(_state: FormState<ReferentSheetRaw>, formData: FormData): Promise<FormState<ReferentSheetRaw>> {
  const values = readForm(formData, referentSheetForm);
  return runFormAction("submit-referent-sheet", values, async () => {
    if (honeypotFilled(formData)) return errorState(values, {}, SHEET_HONEYPOT_MESSAGE);
    const parsed = parseForm(referentSheetSchema, values, "referents");
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    if (!(await publicWriteAllowed(parsed.data.officerEmail))) return errorState(values, {}, RATE_LIMIT_MESSAGE);

    const result = await submitReferentSheet(db(), parsed.data);
    if (!result.ok) return errorState(values, { municipalityId: UNKNOWN_MUNICIPALITY_MESSAGE });
    return { status: "redirect", to: SHEET_SENT_PATH, revalidate: [routes.dashboard.referents()] };
  });
}
