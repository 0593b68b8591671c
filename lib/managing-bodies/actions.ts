"use server";
// Managing bodies in the dashboard: create, edit, merge. Coordinators only;
// every refusal of the service comes back as a message next to its field.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { mergeManagingBodies } from "./merge/mutations";
import { MANAGING_BODIES_PATH, MANAGING_BODY_MESSAGES, managingBodyPath } from "./messages";
import { createManagingBody, updateManagingBody } from "./mutations";
import {
  managingBodyForm,
  managingBodyIdSchema,
  managingBodySchema,
  mergeForm,
  mergeSchema,
  type ManagingBodyRaw,
  type MergeRaw,
} from "./schema";

export async function createManagingBodyAction(_state: FormState<ManagingBodyRaw>, formData: FormData): Promise<FormState<ManagingBodyRaw>> {
  const values = readForm(formData, managingBodyForm);
  return runDashboardAction("create-managing-body", "write", values, async (user) => {
    const parsed = parseForm(managingBodySchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await createManagingBody(db(), { actor: user, ...parsed.data });
    if (!result.ok) return errorState(values, { taxCode: MANAGING_BODY_MESSAGES.taxCodeTaken(result.other) });
    return { status: "redirect", to: `${managingBodyPath(result.id)}?esito=creato`, revalidate: [MANAGING_BODIES_PATH] };
  });
}

export async function updateManagingBodyAction(
  bodyId: string,
  _state: FormState<ManagingBodyRaw>,
  formData: FormData,
): Promise<FormState<ManagingBodyRaw>> {
  const values = readForm(formData, managingBodyForm);
  return runDashboardAction("update-managing-body", "write", values, async (user) => {
    const id = managingBodyIdSchema.safeParse(bodyId);
    if (!id.success) return errorState(values, {}, MANAGING_BODY_MESSAGES.INVALID_BODY);
    const parsed = parseForm(managingBodySchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await updateManagingBody(db(), { actor: user, id: id.data, ...parsed.data });
    if (!result.ok) {
      if (result.reason === "NOT_FOUND") return errorState(values, {}, MANAGING_BODY_MESSAGES.NOT_FOUND);
      return errorState(values, { taxCode: MANAGING_BODY_MESSAGES.taxCodeTaken(result.other) });
    }
    const message = result.changed ? "Dati dell'ente gestore salvati." : "Nessuna modifica da salvare.";
    return { status: "success", message, values, revalidate: [MANAGING_BODIES_PATH, managingBodyPath(id.data)] };
  });
}

export async function mergeManagingBodyAction(bodyId: string, _state: FormState<MergeRaw>, formData: FormData): Promise<FormState<MergeRaw>> {
  const values = readForm(formData, mergeForm);
  return runDashboardAction("merge-managing-body", "write", values, async (user) => {
    const id = managingBodyIdSchema.safeParse(bodyId);
    if (!id.success) return errorState(values, {}, MANAGING_BODY_MESSAGES.INVALID_BODY);
    const parsed = parseForm(mergeSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const { otherId, direction } = parsed.data;
    const [sourceId, targetId] = direction === "INTO_THIS" ? [otherId, id.data] : [id.data, otherId];
    const result = await mergeManagingBodies(db(), { actor: user, sourceId, targetId });
    if (!result.ok) {
      if (result.reason === "SAME") return errorState(values, { otherId: MANAGING_BODY_MESSAGES.MERGE_SAME });
      return errorState(values, {}, MANAGING_BODY_MESSAGES.MERGE_NOT_FOUND);
    }
    return {
      status: "redirect",
      to: `${managingBodyPath(result.targetId)}?esito=${result.discardedCodes.length > 0 ? "unito-codici-scartati" : "unito"}`,
      revalidate: [MANAGING_BODIES_PATH, managingBodyPath(sourceId), managingBodyPath(targetId)],
    };
  });
}
