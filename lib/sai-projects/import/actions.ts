"use server";
// Applying an uploaded SAI projects list. Uploading is a route handler (a
// file of up to 2 MB is past what a server action accepts).
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { MANAGING_BODIES_PATH } from "@/lib/managing-bodies/messages";
import { APPLY_MESSAGES, IMPORT_PATH, importPath } from "./messages";
import { applySaiImport } from "./mutations";
import { applyImportForm, saiImportIdSchema, type ApplyImportRaw } from "./schema";

export async function applySaiImportAction(importId: string, _state: FormState<ApplyImportRaw>, formData: FormData): Promise<FormState<ApplyImportRaw>> {
  const values = readForm(formData, applyImportForm);
  return runDashboardAction("apply-sai-import", "write", values, async (user) => {
    const id = saiImportIdSchema.safeParse(importId);
    if (!id.success) return errorState(values, {}, APPLY_MESSAGES.NOT_FOUND);
    const result = await applySaiImport(db(), { actor: user, importId: id.data });
    if (!result.ok) return errorState(values, {}, APPLY_MESSAGES[result.reason]);
    return { status: "redirect", to: `${importPath(id.data)}?esito=applicata`, revalidate: [IMPORT_PATH, importPath(id.data), MANAGING_BODIES_PATH] };
  });
}
