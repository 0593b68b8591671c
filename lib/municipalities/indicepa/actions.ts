"use server";
// Applying an uploaded IndicePA list. Uploading is a route handler (the list
// is far past what a server action accepts).
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { routes } from "@/lib/routes";
import { APPLY_MESSAGES } from "./messages";
import { applyPecImport } from "./mutations";
import { applyPecImportForm, pecImportIdSchema, type ApplyPecImportRaw } from "./schema";

export async function applyPecImportAction(importId: string, _state: FormState<ApplyPecImportRaw>, formData: FormData): Promise<FormState<ApplyPecImportRaw>> {
  const values = readForm(formData, applyPecImportForm);
  return runDashboardAction("apply-pec-import", "write", values, async (user) => {
    const id = pecImportIdSchema.safeParse(importId);
    if (!id.success) return errorState(values, {}, APPLY_MESSAGES.NOT_FOUND);
    const result = await applyPecImport(db(), { actor: user, importId: id.data });
    if (!result.ok) return errorState(values, {}, APPLY_MESSAGES[result.reason]);
    const page = routes.dashboard.pecImport(id.data);
    return { status: "redirect", to: `${page}?esito=applicata`, revalidate: [routes.dashboard.pecImports(), page, routes.dashboard.municipalities()] };
  });
}
