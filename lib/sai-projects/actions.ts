"use server";
// A managing body's SAI projects: add, edit, remove. Coordinators only.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FieldErrors, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { MANAGING_BODIES_PATH, managingBodyPath } from "@/lib/managing-bodies/messages";
import { SAI_PROJECT_MESSAGES } from "./messages";
import { addSaiProject, removeSaiProject, updateSaiProject, type ProjectClash } from "./mutations";
import {
  EMPTY_SAI_PROJECT,
  removeSaiProjectForm,
  saiProjectForm,
  saiProjectIdSchema,
  saiProjectSchema,
  type RemoveSaiProjectRaw,
  type SaiProjectRaw,
} from "./schema";

function clashErrors(clash: ProjectClash): FieldErrors {
  return clash.reason === "CODE_TAKEN" ? { projectCode: SAI_PROJECT_MESSAGES.codeTaken(clash.other) } : { category: SAI_PROJECT_MESSAGES.DUPLICATE };
}

export async function addSaiProjectAction(bodyId: string, _state: FormState<SaiProjectRaw>, formData: FormData): Promise<FormState<SaiProjectRaw>> {
  const values = readForm(formData, saiProjectForm);
  return runDashboardAction("add-sai-project", "write", values, async (user) => {
    const id = saiProjectIdSchema.safeParse(bodyId);
    if (!id.success) return errorState(values, {}, SAI_PROJECT_MESSAGES.BODY_NOT_FOUND);
    const parsed = parseForm(saiProjectSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await addSaiProject(db(), { actor: user, managingBodyId: id.data, ...parsed.data });
    if (!result.ok) {
      if (result.reason === "BODY_NOT_FOUND") return errorState(values, {}, SAI_PROJECT_MESSAGES.BODY_NOT_FOUND);
      if (result.reason === "MUNICIPALITY_NOT_FOUND") return errorState(values, { municipalityId: SAI_PROJECT_MESSAGES.MUNICIPALITY_NOT_FOUND });
      return errorState(values, clashErrors(result));
    }
    const message = result.municipalityMarked
      ? "Progetto aggiunto. Il Comune ora risulta aderente al SAI."
      : "Progetto aggiunto.";
    return { status: "success", message, values: EMPTY_SAI_PROJECT, revalidate: [MANAGING_BODIES_PATH, managingBodyPath(id.data)] };
  });
}

export async function updateSaiProjectAction(
  bodyId: string,
  projectId: string,
  _state: FormState<SaiProjectRaw>,
  formData: FormData,
): Promise<FormState<SaiProjectRaw>> {
  const values = readForm(formData, saiProjectForm);
  return runDashboardAction("update-sai-project", "write", values, async (user) => {
    const body = saiProjectIdSchema.safeParse(bodyId);
    const project = saiProjectIdSchema.safeParse(projectId);
    if (!body.success || !project.success) return errorState(values, {}, SAI_PROJECT_MESSAGES.INVALID);
    const parsed = parseForm(saiProjectSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await updateSaiProject(db(), { actor: user, id: project.data, managingBodyId: body.data, ...parsed.data });
    if (!result.ok) {
      if (result.reason === "NOT_FOUND") return errorState(values, {}, SAI_PROJECT_MESSAGES.NOT_FOUND);
      if (result.reason === "MUNICIPALITY_NOT_FOUND") return errorState(values, { municipalityId: SAI_PROJECT_MESSAGES.MUNICIPALITY_NOT_FOUND });
      return errorState(values, clashErrors(result));
    }
    const message = !result.changed
      ? "Nessuna modifica da salvare."
      : result.municipalityMarked
        ? "Progetto salvato. Il Comune ora risulta aderente al SAI."
        : "Progetto salvato.";
    return { status: "success", message, values, revalidate: [MANAGING_BODIES_PATH, managingBodyPath(body.data)] };
  });
}

export async function removeSaiProjectAction(
  bodyId: string,
  projectId: string,
  _state: FormState<RemoveSaiProjectRaw>,
  formData: FormData,
): Promise<FormState<RemoveSaiProjectRaw>> {
  const values = readForm(formData, removeSaiProjectForm);
  return runDashboardAction("remove-sai-project", "write", values, async (user) => {
    const body = saiProjectIdSchema.safeParse(bodyId);
    const project = saiProjectIdSchema.safeParse(projectId);
    if (!body.success || !project.success) return errorState(values, {}, SAI_PROJECT_MESSAGES.INVALID);
    const result = await removeSaiProject(db(), { actor: user, id: project.data, managingBodyId: body.data });
    if (!result.ok) return errorState(values, {}, SAI_PROJECT_MESSAGES.NOT_FOUND);
    return { status: "success", message: "Progetto eliminato.", values, revalidate: [MANAGING_BODIES_PATH, managingBodyPath(body.data)] };
  });
}
