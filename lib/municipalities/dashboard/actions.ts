"use server";
// The municipality page's one write: the SAI flag, which coverage and
// reminders read.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/forms/action-state";
import { parseForm, readForm } from "@/lib/forms/form-data";
import { setMunicipalitySaiFlag } from "./mutations";
import { municipalityIdSchema, saiFlagForm, saiFlagSchema, type SaiFlagRaw } from "./schema";

const NOT_FOUND = "Comune non trovato: ricarica la pagina.";

export async function setSaiFlagAction(
  municipalityId: string,
  _state: FormState<SaiFlagRaw>,
  formData: FormData,
): Promise<FormState<SaiFlagRaw>> {
  const values = readForm(formData, saiFlagForm);
  return runDashboardAction("set-sai-flag", "write", values, async (user) => {
    const id = municipalityIdSchema.safeParse(municipalityId);
    if (!id.success) return errorState(values, {}, NOT_FOUND);
    const parsed = parseForm(saiFlagSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await setMunicipalitySaiFlag(db, user, { municipalityId: id.data, saiMember: parsed.data.saiMember });
    if (!result.ok) return errorState(values, {}, NOT_FOUND);
    const { name, saiMember } = result.municipality;
    const message = !result.changed
      ? "Nessuna modifica: il valore era già questo."
      : saiMember
        ? `${name} è ora segnato come aderente al SAI.`
        : `${name} non è più segnato come aderente al SAI.`;
    return {
      status: "success",
      message,
      values,
      revalidate: [`/dashboard/comuni/${id.data}`, "/dashboard/comuni", "/dashboard"],
    };
  });
}
