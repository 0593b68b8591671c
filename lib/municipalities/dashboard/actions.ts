"use server";
// The SAI flag, which coverage and reminders read: on a municipality's page,
// and for a selection on the Comuni list.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { plural } from "@/lib/platform/format/plural";
import { setMunicipalitiesSaiFlag, setMunicipalityPec, setMunicipalitySaiFlag, type SetSaiFlagsResult } from "./mutations";
import {
  bulkSaiFlagForm,
  bulkSaiFlagSchema,
  MAX_BULK_MUNICIPALITIES,
  municipalityIdSchema,
  municipalityPecForm,
  municipalityPecSchema,
  type MunicipalityPecRaw,
  NO_SAI_CHANGE,
  saiFlagForm,
  saiFlagSchema,
  type BulkSaiFlagRaw,
  type SaiFlagRaw,
} from "./schema";
import { routes } from "@/lib/routes";

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
    const result = await setMunicipalitySaiFlag(db(), { actor: user, municipalityId: id.data, saiMember: parsed.data.saiMember });
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
      revalidate: [routes.dashboard.municipality(id.data), routes.dashboard.municipalities(), routes.dashboard.home()],
    };
  });
}

/** Names are listed when they fit in a sentence. */
const MAX_NAMED = 10;
const names = new Intl.ListFormat("it", { type: "conjunction" });

function bulkMessage(result: SetSaiFlagsResult, saiMember: boolean): string {
  const sentences: string[] = [];
  const changed = result.changed.length;
  if (changed > 0) {
    const what = saiMember
      ? plural(changed, "Comune segnato come aderente al SAI", "Comuni segnati come aderenti al SAI")
      : plural(changed, "Comune non più segnato come aderente al SAI", "Comuni non più segnati come aderenti al SAI");
    sentences.push(changed <= MAX_NAMED ? `${what}: ${names.format(result.changed)}.` : `${what}.`);
  }
  if (result.unchanged > 0) {
    sentences.push(
      changed === 0
        ? NO_SAI_CHANGE
        : `${plural(result.unchanged, "Comune aveva", "Comuni avevano")} già questo valore.`,
    );
  }
  if (result.missing > 0) sentences.push(`${plural(result.missing, "Comune selezionato non è stato trovato", "Comuni selezionati non sono stati trovati")}: ricarica la pagina.`);
  return sentences.join(" ");
}

export async function setSaiFlagBulkAction(_state: FormState<BulkSaiFlagRaw>, formData: FormData): Promise<FormState<BulkSaiFlagRaw>> {
  const repeated = (name: string) =>
    formData
      .getAll(name)
      .filter((value): value is string => typeof value === "string")
      .slice(0, MAX_BULK_MUNICIPALITIES + 1);
  // Without JavaScript the header checkbox cannot tick the rows: it stands for the page's.
  const ids = formData.has("selectAll") ? repeated("pageIds") : repeated("ids");
  const values: BulkSaiFlagRaw = { ...readForm(formData, bulkSaiFlagForm), ids };
  return runDashboardAction("set-sai-flag-bulk", "write", values, async (user) => {
    const parsed = parseForm(bulkSaiFlagSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError ?? Object.values(parsed.fieldErrors)[0]);
    const result = await setMunicipalitiesSaiFlag(db(), { actor: user, municipalityIds: parsed.data.ids, saiMember: parsed.data.saiMember });
    return {
      status: "success",
      message: bulkMessage(result, parsed.data.saiMember),
      values: { ...values, ids: [] },
      revalidate: [routes.dashboard.municipalities(), ...result.changed.length > 0 ? [routes.dashboard.home()] : []],
    };
  });
}

export async function setMunicipalityPecAction(
  municipalityId: string,
  _state: FormState<MunicipalityPecRaw>,
  formData: FormData,
): Promise<FormState<MunicipalityPecRaw>> {
  const values = readForm(formData, municipalityPecForm);
  return runDashboardAction("set-municipality-pec", "write", values, async (user) => {
    const id = municipalityIdSchema.safeParse(municipalityId);
    if (!id.success) return errorState(values, {}, NOT_FOUND);
    const parsed = parseForm(municipalityPecSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await setMunicipalityPec(db(), { actor: user, municipalityId: id.data, pec: parsed.data.pec });
    if (!result.ok) return errorState(values, {}, NOT_FOUND);
    const { name, pec } = result.municipality;
    const message = !result.changed ? "Nessuna modifica: la PEC era già questa." : pec ? `PEC di ${name} salvata: ${pec}.` : `PEC di ${name} tolta: ora non è nota.`;
    return {
      status: "success",
      message,
      values: { pec: pec ?? "" },
      revalidate: [routes.dashboard.municipality(id.data), routes.dashboard.municipalities()],
    };
  });
}
