"use server";
// Erasing a person's data from their page in the dashboard. The export is a
// route handler (app/dashboard/persone/[id]/esporta), since it is a download.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { erasePerson } from "./mutations";
import { erasePersonForm, erasePersonSchema, personIdSchema, type ErasePersonRaw } from "./schema";
import { routes } from "@/lib/routes";

const MESSAGES = {
  NOT_FOUND: "Persona non trovata: ricarica la pagina.",
  ALREADY_ERASED: "I dati di questa persona sono già cancellati.",
} as const;

export async function erasePersonAction(personId: string, _state: FormState<ErasePersonRaw>, formData: FormData): Promise<FormState<ErasePersonRaw>> {
  const values = readForm(formData, erasePersonForm);
  return runDashboardAction("erase-person", "write", values, async (user) => {
    const id = personIdSchema.safeParse(personId);
    if (!id.success) return errorState(values, {}, MESSAGES.NOT_FOUND);
    const parsed = parseForm(erasePersonSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await erasePerson(db(), { actor: user, personId: id.data });
    if (!result.ok) return errorState(values, {}, MESSAGES[result.reason]);
    return {
      status: "success",
      message: "Dati cancellati: la persona è ora anonima, e i conteggi restano.",
      values: { confirm: false },
      revalidate: [routes.dashboard.person(id.data), routes.dashboard.people()],
    };
  });
}
